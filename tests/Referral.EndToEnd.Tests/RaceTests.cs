using static Referral.EndToEnd.Tests.Journey;

namespace Referral.EndToEnd.Tests;

/// <summary>
/// The same write sent to both instances at the same moment, as a client retrying through a load
/// balancer does: the database's constraints and locks decide, not either process's memory, so
/// exactly one of them takes effect. On SQLite both copies go to the one instance, whose write
/// path must hold the same line.
/// </summary>
public sealed class RaceTests(Deployment deployment) : IClassFixture<Deployment>
{
    private const int Rounds = 10;

    [Fact]
    public async Task The_same_status_change_sent_to_both_instances_at_once_is_made_once()
    {
        var profileId = await NewProfileAsync("E2E-RACE-MOVE");
        var serviceId = await AnyServiceAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var referralId = (await JsonAsync(deployment.Client(round, PracticeKey).PostAsJsonAsync("/v1/referrals", new { profileId, serviceId, route = "signpost", source = "gp" }), HttpStatusCode.Created, deployment))["id"]!.GetValue<string>();
            var move = new { status = "offered", occurredAt = DateTimeOffset.UtcNow };

            var answers = await Task.WhenAll(
                deployment.Client(0, PracticeKey).PostAsJsonAsync($"/v1/referrals/{referralId}/events", move),
                deployment.Client(1, PracticeKey).PostAsJsonAsync($"/v1/referrals/{referralId}/events", move));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            var referral = await JsonAsync(deployment.Client(round + 1, PracticeKey).GetAsync($"/v1/referrals/{referralId}"), HttpStatusCode.OK, deployment);
            Assert.Equal(["proposed", "offered"], referral["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_retried_create_sent_to_both_instances_at_once_makes_one_referral()
    {
        var profileId = await NewProfileAsync("E2E-RACE-RETRY");
        var serviceId = await AnyServiceAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var key = Guid.NewGuid().ToString();
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(instance =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/v1/referrals") { Content = JsonContent.Create(new { profileId, serviceId, route = "signpost", source = "gp" }) };
                request.Headers.Add("Idempotency-Key", key);
                return deployment.Client(instance, PracticeKey).SendAsync(request);
            }));

            var bodies = new List<JsonObject>();
            foreach (var answer in answers)
            {
                bodies.Add(await JsonAsync(answer, HttpStatusCode.Created, deployment));
            }

            Assert.Equal(bodies[0]["id"]!.GetValue<string>(), bodies[1]["id"]!.GetValue<string>());
            Assert.Single(answers, a => a.Headers.Contains("Idempotent-Replayed"));
        }

        var made = await JsonAsync(deployment.Client(0, PracticeKey).GetAsync($"/v1/referrals?profileId={profileId}&pageSize=100"), HttpStatusCode.OK, deployment);
        Assert.Equal(Rounds, made["total"]!.GetValue<int>());
    }

    private async Task<string> NewProfileAsync(string patientRef) =>
        (await JsonAsync(deployment.Client(0, PracticeKey).PostAsJsonAsync("/v1/profiles", NewProfile(patientRef)), HttpStatusCode.Created, deployment))["id"]!.GetValue<string>();

    private async Task<string> AnyServiceAsync() =>
        (await JsonAsync(deployment.Client(1).GetAsync("/v1/services?pageSize=1"), HttpStatusCode.OK, deployment))["items"]![0]!["service"]!["id"]!.GetValue<string>();
}
