using Referral.Api.Tests.Fhir;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.GpRecord;

/// <summary>
/// The patient's choice of what goes back to the GP record, set when the referral is made and
/// changeable by the practice: with codes only, no output meant for the record (codes, summary as
/// JSON or FHIR, the FHIR ServiceRequest, Task and searches) holds free text, a name or a note.
/// </summary>
public sealed class RecordSharingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // Words that can only have come from the clinician, the practice or the directory.
    private const string ClinicianName = "Dr Ngozi Secretname";
    private const string RegistrationNumber = "7654321";
    private const string EndorsementNote = "Note-for-the-patient-only";
    private const string WithdrawalReason = "Withdrawal-reason-free-text";
    private const string EventNote = "Practice-note-on-a-status";

    private static readonly string[] Personal = [ClinicianName, RegistrationNumber, EndorsementNote, WithdrawalReason, EventNote];

    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async Task A_referral_made_without_a_choice_shares_codes_only()
    {
        var referral = await ReferralBodies.Create(api);
        Assert.Equal("codes-only", referral["recordSharing"]!.GetValue<string>());
    }

    [Fact]
    public async Task Codes_only_keeps_free_text_names_and_notes_out_of_every_output()
    {
        var (id, nhs, serviceNames) = await Closed("codes-only");

        var outputs = await Outputs(id, nhs);

        foreach (var (what, text) in outputs)
        {
            foreach (var word in Personal.Concat(serviceNames))
            {
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{what} holds '{word}' although the referral shares codes only:\n{text}");
            }
        }

        // What codes only still sends: the codes, the statuses and dates, the identifiers to file against.
        var summary = JsonNode.Parse(outputs["summary JSON"])!;
        Assert.Equal(nhs, summary["patient"]!["nhsNumber"]!.GetValue<string>());
        Assert.Equal("gp", summary["endorsement"]!["role"]!.GetValue<string>());
        Assert.Null(summary["endorsement"]!["clinicianName"]);
        Assert.Null(summary["service"]!["name"]);
        Assert.Contains("871731000000106", outputs["codes"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_summary_sends_the_names_and_notes_and_the_practice_can_narrow_it_later()
    {
        var (id, nhs, serviceNames) = await Closed("full-summary");
        var before = await Outputs(id, nhs);
        Assert.Contains(ClinicianName, before["summary JSON"], StringComparison.Ordinal);
        Assert.Contains(EndorsementNote, before["summary JSON"], StringComparison.Ordinal);
        Assert.Contains(EventNote, before["summary JSON"], StringComparison.Ordinal);
        Assert.Contains(serviceNames[0], before["summary JSON"], StringComparison.Ordinal);
        Assert.Contains(EndorsementNote, before["ServiceRequest"], StringComparison.Ordinal);
        Assert.Contains(ClinicianName, before["summary FHIR document"], StringComparison.Ordinal);

        var changed = await Practice.PutAsJsonAsync($"/v1/referrals/{id}/record-sharing", new { recordSharing = "codes-only" });
        var view = await changed.ReadObject();
        Assert.Equal("codes-only", view["recordSharing"]!.GetValue<string>());
        Assert.NotNull(changed.Headers.ETag);

        foreach (var (what, text) in await Outputs(id, nhs))
        {
            Assert.All(Personal.Concat(serviceNames), word => Assert.False(text.Contains(word, StringComparison.Ordinal), $"{what} still holds '{word}' after the practice chose codes only"));
        }

        var audit = await (await Practice.GetAsync($"/v1/referrals/{id}/audit")).ReadObject<JsonArray>();
        var change = audit.Single(a => a!["action"]!.GetValue<string>() == "record-sharing-changed")!;
        Assert.Equal("full-summary", change["detail"]!["from"]!.GetValue<string>());
        Assert.Equal("codes-only", change["detail"]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_choice_is_one_of_the_two_and_only_the_practices_own_to_change()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();

        var message = await (await Practice.PutAsJsonAsync($"/v1/referrals/{id}/record-sharing", new { recordSharing = "everything" })).AssertFieldError("recordSharing");
        Assert.Contains("full-summary, codes-only", message, StringComparison.Ordinal);
        var body = ReferralBodies.Referral((await ReferralBodies.Parties(api)).ProfileId, (await ReferralBodies.Parties(api)).ServiceId);
        body["recordSharing"] = "all";
        await (await Practice.PostAsJsonAsync("/v1/referrals", body)).AssertFieldError("recordSharing");

        await (await api.ClientWithKey(api.PracticeBKey).PutAsJsonAsync($"/v1/referrals/{id}/record-sharing", new { recordSharing = "full-summary" }))
            .AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal("codes-only", (await (await Practice.GetAsync($"/v1/referrals/{id}")).ReadObject())["recordSharing"]!.GetValue<string>());
    }

    /// <summary>A referral endorsed, the endorsement withdrawn, and withdrawn itself with a note: every kind of free text there is.</summary>
    private async Task<(string Id, string Nhs, string[] ServiceNames)> Closed(string recordSharing)
    {
        var nhs = FhirClient.NhsNumber(recordSharing.Length * 31);
        var (profileId, serviceId) = await ReferralBodies.Parties(api, p => p["nhsNumber"] = nhs);
        var body = ReferralBodies.Referral(profileId, serviceId);
        body["endorsement"] = new JsonObject
        {
            ["clinicianName"] = ClinicianName,
            ["role"] = "gp",
            ["registration"] = new JsonObject { ["body"] = "gmc", ["number"] = RegistrationNumber },
            ["note"] = EndorsementNote,
            ["endorsedAt"] = "2026-11-20T10:30:00Z",
        };
        body["recordSharing"] = recordSharing;
        var id = (await (await Practice.PostAsJsonAsync("/v1/referrals", body)).ReadObject(HttpStatusCode.Created))["id"]!.GetValue<string>();
        (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement/withdrawal", new { reason = WithdrawalReason })).EnsureSuccessStatusCode();
        (await ReferralBodies.Move(Practice, id, "offered", reason: EventNote)).EnsureSuccessStatusCode();
        (await ReferralBodies.Move(Practice, id, "withdrawn")).EnsureSuccessStatusCode();

        var service = await (await api.Anonymous().GetAsync($"/v1/services/{serviceId}")).ReadObject();
        return (id, nhs, [service["name"]!.GetValue<string>(), service["organisation"]!["name"]!.GetValue<string>()]);
    }

    /// <summary>Everything meant for the GP record or an integration, as text.</summary>
    private async Task<Dictionary<string, string>> Outputs(string id, string nhs)
    {
        async Task<string> Read(string path, string? accept = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            var response = await Practice.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            return await response.Content.ReadAsStringAsync();
        }

        return new()
        {
            ["codes"] = await Read($"/v1/referrals/{id}/codes"),
            ["summary JSON"] = await Read($"/v1/referrals/{id}/summary"),
            ["summary FHIR document"] = await Read($"/v1/referrals/{id}/summary", "application/fhir+json"),
            ["ServiceRequest"] = await Read($"/fhir/ServiceRequest/{id}"),
            ["Task"] = await Read($"/fhir/Task/{id}"),
            ["ServiceRequest search"] = await Read($"/fhir/ServiceRequest?patient:identifier={nhs}"),
            ["Task search"] = await Read($"/fhir/Task?focus={id}"),
        };
    }
}
