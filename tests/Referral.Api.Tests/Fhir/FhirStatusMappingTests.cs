// Firely's POCOs declare every element nullable; a missing element fails the test where it is read.
#nullable disable

using Hl7.Fhir.Model;
using Referral.Api.Tests.Infrastructure;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Referral.Api.Tests.Fhir;

/// <summary>
/// Every one of our statuses, reached the way a practice reaches it, reads as the FHIR statuses
/// the README's table gives, and a FHIR status search finds it. The table is written out here
/// rather than read from the code, so a change to the mapping has to change this test too.
/// </summary>
public sealed class FhirStatusMappingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string[], string, string> Table => new()
    {
        { "proposed", [], "active", "requested" },
        { "offered", ["offered"], "active", "received" },
        { "contacted", ["offered", "contacted"], "active", "accepted" },
        { "started", ["offered", "contacted", "started"], "active", "in-progress" },
        { "completed", ["offered", "contacted", "started", "completed"], "completed", "completed" },
        { "declined", ["declined"], "revoked", "cancelled" },
        { "not-contactable", ["offered", "not-contactable"], "revoked", "failed" },
        { "no-capacity", ["no-capacity"], "revoked", "rejected" },
        { "dropped-out", ["offered", "contacted", "started", "dropped-out"], "revoked", "failed" },
        { "withdrawn", ["withdrawn"], "revoked", "cancelled" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async System.Threading.Tasks.Task Each_status_maps_to_its_ServiceRequest_and_Task_status(string status, string[] path, string requestStatus, string taskStatus)
    {
        var practice = api.ClientWithKey(api.PracticeAKey);
        var nhs = FhirClient.NhsNumber(100 + Array.IndexOf(Table.Select(row => (string)row[0]).ToArray(), status));
        var id = (await FhirClient.ReferralFor(api, nhs))["id"]!.GetValue<string>();
        foreach (var step in path)
        {
            var moved = await ReferralBodies.Move(practice, id, step, reason: step == "declined" ? "distance" : null);
            Assert.True(moved.StatusCode == HttpStatusCode.Created, await moved.Content.ReadAsStringAsync());
        }

        var request = await (await practice.GetAsync($"/fhir/ServiceRequest/{id}")).ReadResource<ServiceRequest>();
        var task = await (await practice.GetAsync($"/fhir/Task/{id}")).ReadResource<FhirTask>();

        Assert.Equal(requestStatus, request.StatusElement.JsonValue);
        Assert.Equal(taskStatus, task.StatusElement.JsonValue);
        Assert.Equal(status, Assert.Single(task.BusinessStatus.Coding).Code);
        Assert.Equal(status == "declined" ? "distance" : null, task.StatusReason?.Coding.Single().Code);

        var byRequestStatus = await (await practice.GetAsync($"/fhir/ServiceRequest?patient:identifier={nhs}&status={requestStatus}")).ReadResource<Bundle>();
        Assert.Equal(id, Assert.Single(byRequestStatus.Entry).Resource.Id);
        var byTaskStatus = await (await practice.GetAsync($"/fhir/Task?patient:identifier={nhs}&status={taskStatus}")).ReadResource<Bundle>();
        Assert.Equal(id, Assert.Single(byTaskStatus.Entry).Resource.Id);
        var otherStatus = requestStatus == "active" ? "completed,revoked" : "active";
        Assert.Empty((await (await practice.GetAsync($"/fhir/ServiceRequest?patient:identifier={nhs}&status={otherStatus}")).ReadResource<Bundle>()).Entry);
    }
}
