// Firely's POCOs declare every element nullable; an element these tests expect and do not find
// fails the test all the same, with a NullReferenceException at the line that reads it.
#nullable disable

using Hl7.Fhir.Model;
using Referral.Api.Tests.Infrastructure;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Referral.Api.Tests.Fhir;

/// <summary>
/// Every resource the facade returns parses with the Firely parser in strict mode, declares its
/// UK Core profile and carries the profile's must-support elements, so an integration engine that
/// validates what it reads accepts it.
/// </summary>
public sealed class FhirRoundTripTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string UkCore = "https://fhir.hl7.org.uk/StructureDefinition/";

    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async System.Threading.Tasks.Task The_capability_statement_describes_the_three_resources_and_their_profiles()
    {
        var statement = await (await api.Anonymous().GetAsync("/fhir/metadata")).ReadResource<CapabilityStatement>();

        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        var resources = Assert.Single(statement.Rest).Resource.ToDictionary(r => r.Type);
        Assert.Equal(UkCore + "UKCore-HealthcareService", resources["HealthcareService"].Profile);
        Assert.Equal(UkCore + "UKCore-ServiceRequest", resources["ServiceRequest"].Profile);
        Assert.Equal(UkCore + "UKCore-Task", resources["Task"].Profile);
        Assert.Contains(resources["ServiceRequest"].SearchParam, p => p.Name == "patient");
        Assert.Contains(resources["HealthcareService"].SearchParam, p => p.Name == "district");
    }

    [Fact]
    public async System.Threading.Tasks.Task A_referral_reads_as_a_UK_Core_ServiceRequest_with_every_must_support_element()
    {
        var nhs = FhirClient.NhsNumber(1);
        var referral = await FhirClient.ReferralFor(api, nhs);
        var id = referral["id"]!.GetValue<string>();

        var request = await (await Practice.GetAsync($"/fhir/ServiceRequest/{id}")).ReadResource<ServiceRequest>();

        Assert.Equal(id, request.Id);
        Assert.Contains(UkCore + "UKCore-ServiceRequest", request.Meta.Profile);
        Assert.Equal(RequestStatus.Active, request.Status);
        Assert.Equal(RequestIntent.Order, request.Intent);
        Assert.Equal(RequestPriority.Routine, request.Priority);
        Assert.Contains(request.Category.SelectMany(c => c.Coding), c => c.System == "http://snomed.info/sct" && c.Code == "3457005");
        Assert.Contains(request.Code.Coding, c => c.System == "http://snomed.info/sct" && c.Code == "871731000000106" && c.Display == "Referral to social prescribing service");
        Assert.Equal("https://fhir.nhs.uk/Id/nhs-number", request.Subject.Identifier.System);
        Assert.Equal(nhs, request.Subject.Identifier.Value);
        Assert.Equal("https://fhir.nhs.uk/Id/ods-organization-code", request.Requester.Identifier.System);
        Assert.Equal(ApiFactory.PracticeA, request.Requester.Identifier.Value);
        Assert.Equal($"HealthcareService/{referral["serviceId"]}", Assert.Single(request.Performer).Reference);
        Assert.Equal(DateTimeOffset.Parse(referral["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), request.AuthoredOnElement.ToDateTimeOffset(TimeSpan.Zero));

        // The performer it names reads as a UK Core HealthcareService (providedBy and type are its must-supports).
        var service = await (await api.Anonymous().GetAsync($"/fhir/{request.Performer[0].Reference}")).ReadResource<HealthcareService>();
        Assert.Contains(UkCore + "UKCore-HealthcareService", service.Meta.Profile);
        Assert.False(string.IsNullOrEmpty(service.ProvidedBy.Display));
        Assert.NotEmpty(service.Type);
        Assert.All(service.Type.SelectMany(t => t.Coding), c => Assert.Equal("urn:referral:vocabulary:formats", c.System));
        Assert.True(service.Active);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_referral_reads_as_a_UK_Core_Task_whose_focus_is_its_ServiceRequest()
    {
        var referral = await FhirClient.ReferralFor(api, FhirClient.NhsNumber(2));
        var id = referral["id"]!.GetValue<string>();

        var task = await (await Practice.GetAsync($"/fhir/Task/{id}")).ReadResource<FhirTask>();

        Assert.Contains(UkCore + "UKCore-Task", task.Meta.Profile);
        Assert.Equal($"ServiceRequest/{id}", task.Focus.Reference);
        Assert.Equal(FhirTask.TaskStatus.Requested, task.Status);
        Assert.Equal(FhirTask.TaskIntent.Order, task.Intent);
        Assert.Equal("proposed", Assert.Single(task.BusinessStatus.Coding).Code);
        Assert.Equal("https://fhir.nhs.uk/Id/nhs-number", task.For.Identifier.System);
        Assert.Equal(ApiFactory.PracticeA, task.Requester.Identifier.Value);

        // What the focus names is there to read.
        await (await Practice.GetAsync($"/fhir/{task.Focus.Reference}")).ReadResource<ServiceRequest>();
    }

    [Fact]
    public async System.Threading.Tasks.Task Searches_answer_strict_searchset_bundles_of_profiled_resources()
    {
        var nhs = FhirClient.NhsNumber(3);
        var referral = await FhirClient.ReferralFor(api, nhs);
        var id = referral["id"]!.GetValue<string>();

        var requests = await (await Practice.GetAsync($"/fhir/ServiceRequest?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}")).ReadResource<Bundle>();
        Assert.Equal(Bundle.BundleType.Searchset, requests.Type);
        Assert.Equal(1, requests.Total);
        var entry = Assert.Single(requests.Entry);
        Assert.EndsWith($"/fhir/ServiceRequest/{id}", entry.FullUrl, StringComparison.Ordinal);
        Assert.Contains(UkCore + "UKCore-ServiceRequest", entry.Resource.Meta.Profile);

        var tasks = await (await Practice.GetAsync($"/fhir/Task?focus=ServiceRequest/{id}")).ReadResource<Bundle>();
        Assert.Equal(id, Assert.Single(tasks.Entry).Resource.Id);
        Assert.Contains(UkCore + "UKCore-Task", tasks.Entry[0].Resource.Meta.Profile);

        var services = await (await api.Anonymous().GetAsync("/fhir/HealthcareService?district=LS1&_count=2")).ReadResource<Bundle>();
        Assert.NotEmpty(services.Entry);
        Assert.All(services.Entry, e => Assert.Contains(UkCore + "UKCore-HealthcareService", e.Resource.Meta.Profile));
        Assert.True(services.Entry.Count <= 2);

        var named = await (await api.Anonymous().GetAsync("/fhir/HealthcareService?name=Referral%20target")).ReadResource<Bundle>();
        Assert.NotEmpty(named.Entry);
        Assert.All(named.Entry, e => Assert.StartsWith("Referral target", ((HealthcareService)e.Resource).Name, StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_long_search_links_to_its_next_page()
    {
        var nhs = FhirClient.NhsNumber(4);
        await FhirClient.ReferralFor(api, nhs);
        await FhirClient.ReferralFor(api, nhs);

        var first = await (await Practice.GetAsync($"/fhir/ServiceRequest?patient:identifier={nhs}&_count=1")).ReadResource<Bundle>();
        Assert.Equal(2, first.Total);
        var next = first.Link.Single(l => l.Relation == "next").Url;
        var second = await (await Practice.GetAsync(new Uri(next).PathAndQuery)).ReadResource<Bundle>();
        Assert.NotEqual(first.Entry[0].Resource.Id, Assert.Single(second.Entry).Resource.Id);
        Assert.DoesNotContain(second.Link, l => l.Relation == "next");
    }
}
