// Firely's POCOs declare every element nullable; a missing element fails the test where it is read.
#nullable disable

using Hl7.Fhir.Model;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Fhir;

/// <summary>
/// The facade keeps each practice to its own referrals on every route, as the /v1 API does:
/// another practice's referral is the same 404 OperationOutcome as one that does not exist, and
/// searches never find it; keys of other roles and requests with no key get 403 and 401, as
/// OperationOutcomes. The directory and the capability statement are open and hold no practice data.
/// </summary>
public sealed class FhirIsolationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async System.Threading.Tasks.Task Another_practice_reads_and_finds_none_of_a_practices_referrals()
    {
        var nhs = FhirClient.NhsNumber(200);
        var referral = await FhirClient.ReferralFor(api, nhs);
        var id = referral["id"]!.GetValue<string>();
        var other = api.ClientWithKey(api.PracticeBKey);
        var missing = Guid.NewGuid();

        foreach (var type in new[] { "ServiceRequest", "Task" })
        {
            var theirs = await (await other.GetAsync($"/fhir/{type}/{id}")).AssertOutcome(HttpStatusCode.NotFound);
            var nobodys = await (await other.GetAsync($"/fhir/{type}/{missing}")).AssertOutcome(HttpStatusCode.NotFound);
            Assert.Equal(nobodys.Replace(missing.ToString(), id, StringComparison.Ordinal), theirs);
        }

        foreach (var search in new[]
        {
            $"/fhir/ServiceRequest?patient:identifier={nhs}", "/fhir/ServiceRequest", "/fhir/ServiceRequest?status=active",
            $"/fhir/Task?focus=ServiceRequest/{id}", $"/fhir/Task?patient:identifier={nhs}", "/fhir/Task",
        })
        {
            var bundle = await (await other.GetAsync(search)).ReadResource<Bundle>();
            Assert.Equal(0, bundle.Total);
            Assert.Empty(bundle.Entry);
        }

        // The owner still sees it all.
        var practice = api.ClientWithKey(api.PracticeAKey);
        await (await practice.GetAsync($"/fhir/ServiceRequest/{id}")).ReadResource<ServiceRequest>();
        Assert.Equal(1, (await (await practice.GetAsync($"/fhir/Task?focus={id}")).ReadResource<Bundle>()).Total);
    }

    [Fact]
    public async System.Threading.Tasks.Task Referral_routes_need_a_practice_key_and_say_so_as_OperationOutcomes()
    {
        var id = (await FhirClient.ReferralFor(api, FhirClient.NhsNumber(201)))["id"]!.GetValue<string>();
        foreach (var path in new[] { $"/fhir/ServiceRequest/{id}", "/fhir/ServiceRequest", $"/fhir/Task/{id}", "/fhir/Task" })
        {
            await (await api.Anonymous().GetAsync(path)).AssertOutcome(HttpStatusCode.Unauthorized);
            await (await api.ClientWithKey("not-a-key").GetAsync(path)).AssertOutcome(HttpStatusCode.Unauthorized);
            await (await api.Admin().GetAsync(path)).AssertOutcome(HttpStatusCode.Forbidden);
            await (await api.ClientWithKey(api.AnalystKey).GetAsync(path)).AssertOutcome(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task The_open_routes_show_every_key_the_same_directory_and_no_referral()
    {
        var referral = await FhirClient.ReferralFor(api, FhirClient.NhsNumber(202));
        var serviceId = referral["serviceId"]!.GetValue<string>();
        foreach (var path in new[] { "/fhir/metadata", $"/fhir/HealthcareService/{serviceId}", "/fhir/HealthcareService?district=LS1" })
        {
            var seen = new List<string>();
            foreach (var client in new[] { api.Anonymous(), api.ClientWithKey(api.PracticeAKey), api.ClientWithKey(api.PracticeBKey) })
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var text = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(referral["id"]!.GetValue<string>(), text, StringComparison.Ordinal);
                Assert.DoesNotContain(ApiFactory.PracticeA, text, StringComparison.Ordinal);
                seen.Add(text);
            }

            Assert.Single(seen.Distinct());
        }
    }
}
