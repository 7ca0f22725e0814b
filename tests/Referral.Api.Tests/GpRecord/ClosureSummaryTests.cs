// Firely's POCOs declare every element nullable; a missing element fails the test where it is read.
#nullable disable

using Hl7.Fhir.Model;
using PdfSharp.Pdf.IO;
using Referral.Api.Tests.Fhir;
using Referral.Api.Tests.Infrastructure;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Referral.Api.Tests.GpRecord;

/// <summary>
/// The closure summary, the "message back to GP and referrer": once a referral ends, as JSON, as
/// a PDF a practice files as a document, and as a FHIR document Bundle, chosen by Accept.
/// </summary>
public sealed class ClosureSummaryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async System.Threading.Tasks.Task An_open_referral_has_no_summary_yet()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        (await ReferralBodies.Move(Practice, id, "offered")).EnsureSuccessStatusCode();

        var problem = await (await Practice.GetAsync($"/v1/referrals/{id}/summary")).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("offered", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_declined_referral_summarises_who_by_whom_the_service_the_history_and_the_reason()
    {
        var nhs = FhirClient.NhsNumber(300);
        var referral = await FhirClient.ReferralFor(api, nhs, "full-summary");
        var id = referral["id"]!.GetValue<string>();
        (await ReferralBodies.Move(Practice, id, "offered")).EnsureSuccessStatusCode();
        (await ReferralBodies.Move(Practice, id, "declined", reason: "distance")).EnsureSuccessStatusCode();

        var summary = await (await Practice.GetAsync($"/v1/referrals/{id}/summary")).ReadObject();

        Assert.Equal("declined", summary["status"]!.GetValue<string>());
        Assert.Equal(ApiFactory.PracticeA, summary["practice"]!.GetValue<string>());
        Assert.Equal(nhs, summary["patient"]!["nhsNumber"]!.GetValue<string>());
        Assert.Equal("gp", summary["source"]!.GetValue<string>());
        Assert.Equal("Dr Amara Okafor", summary["endorsement"]!["clinicianName"]!.GetValue<string>());
        Assert.Equal("gmc", summary["endorsement"]!["registrationBody"]!.GetValue<string>());
        Assert.StartsWith("Referral target", summary["service"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(summary["service"]!["formats"]!.AsArray());
        Assert.Equal(["proposed", "offered", "declined"], summary["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        Assert.Equal("distance", summary["declineReason"]!.GetValue<string>());
        Assert.Equal(summary["history"]![2]!["occurredAt"]!.GetValue<string>(), summary["closedAt"]!.GetValue<string>());
        Assert.Equal(["871731000000106", "871711000000103"], summary["codes"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async System.Threading.Tasks.Task The_summary_is_a_PDF_that_opens_when_asked_for_one()
    {
        var id = await Completed("full-summary");

        var response = await Practice.SendAsync(WithAccept($"/v1/referrals/{id}/summary", "application/pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(pdf.PageCount >= 1);
        Assert.Equal("Peer support referral: closure summary", pdf.Info.Title);
        // Fonts are embedded, so the document reads the same on any machine that files it.
        Assert.Contains("/FontFile2", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_summary_is_a_FHIR_document_bundle_when_asked_for_FHIR()
    {
        var id = await Completed("full-summary");

        var bundle = await (await Practice.SendAsync(WithAccept($"/v1/referrals/{id}/summary", "application/fhir+json"))).ReadResource<Bundle>();

        Assert.Equal(Bundle.BundleType.Document, bundle.Type);
        Assert.NotNull(bundle.Identifier?.Value);
        Assert.NotNull(bundle.Timestamp);
        var composition = Assert.IsType<Composition>(bundle.Entry[0].Resource);
        Assert.Equal(CompositionStatus.Final, composition.Status);
        Assert.Equal("https://fhir.nhs.uk/Id/ods-organization-code", Assert.Single(composition.Author).Identifier.System);
        Assert.All(composition.Section, s => Assert.False(string.IsNullOrEmpty(s.Text?.Div)));
        var request = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<ServiceRequest>());
        var task = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<FhirTask>());
        Assert.Equal(RequestStatus.Completed, request.Status);
        Assert.Equal(FhirTask.TaskStatus.Completed, task.Status);
        // Every reference of the composition resolves to an entry of the bundle.
        var urls = bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        Assert.All(composition.Section.SelectMany(s => s.Entry), r => Assert.Contains(r.Reference, urls));
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, application/json;q=0")]
    public async System.Threading.Tasks.Task An_Accept_that_takes_none_of_the_forms_is_406(string accept)
    {
        var id = await Completed("codes-only");
        await (await Practice.SendAsync(WithAccept($"/v1/referrals/{id}/summary", accept))).AssertProblem(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async System.Threading.Tasks.Task Another_practice_gets_404_in_every_form()
    {
        var id = await Completed("full-summary");
        var other = api.ClientWithKey(api.PracticeBKey);
        foreach (var accept in new[] { "application/json", "application/pdf", "application/fhir+json" })
        {
            await (await other.SendAsync(WithAccept($"/v1/referrals/{id}/summary", accept))).AssertProblem(HttpStatusCode.NotFound);
        }
    }

    private async Task<string> Completed(string recordSharing)
    {
        var id = (await FhirClient.ReferralFor(api, FhirClient.NhsNumber(301), recordSharing))["id"]!.GetValue<string>();
        foreach (var status in new[] { "offered", "contacted", "started", "completed" })
        {
            (await ReferralBodies.Move(Practice, id, status)).EnsureSuccessStatusCode();
        }

        return id;
    }

    private static HttpRequestMessage WithAccept(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }
}
