using static Referral.EndToEnd.Tests.Journey;

namespace Referral.EndToEnd.Tests;

/// <summary>
/// A GP practice's whole journey against the running servers, with the demo keys the README
/// names: find services, add one, record a profile, get recommendations, refer with an
/// endorsement, close the loop, read the history and audit, and check that another practice sees
/// none of it. On PostgreSQL every step goes to the other instance from the step before, so each
/// read is answered by a server that did not make the write (see <see cref="Deployment"/>).
/// </summary>
public sealed class JourneyTests(Deployment deployment) : IClassFixture<Deployment>
{
    private const string OtherPracticeKey = "demo-practice-a81002-key";
    private const string DirectoryAdminKey = "demo-directory-admin-key";

    [Fact]
    public async Task A_practice_refers_a_patient_with_an_endorsement_and_closes_the_loop()
    {
        var anyone = Each(null);
        var admin = Each(DirectoryAdminKey);
        var practice = Each(PracticeKey);

        // 1. The open directory, near a Leeds postcode.
        var near = await Json(await anyone[0].GetAsync("/v1/services?near=LS1%204AP&radiusKm=10"), HttpStatusCode.OK);
        Assert.True(near["total"]!.GetValue<int>() > 0, "the demo directory has services near LS1");
        var distances = near["items"]!.AsArray().Select(i => i!["distanceKm"]!.GetValue<double>()).ToList();
        Assert.Equal(distances.Order(), distances);

        // 2. A new service, added through one instance and found through the other's directory
        // (which hears of it through the data layer's change notification, not by asking the database).
        var service = await Json(await admin[1].PostAsJsonAsync("/v1/services", NewService()), HttpStatusCode.Created);
        var serviceId = service["id"]!.GetValue<string>();
        await Eventually.HoldsAsync(
            () => Json(anyone[0].GetAsync("/v1/services?q=quarrybank"), HttpStatusCode.OK),
            found => found["items"]!.AsArray().Any(i => i!["service"]!["id"]!.GetValue<string>() == serviceId),
            Eventually.CrossInstance,
            "the new service in the other instance's search");

        // 3. A profile, recorded with consent.
        var profile = await Json(await practice[1].PostAsJsonAsync("/v1/profiles", NewProfile("E2E-0001", "944 930 5552")), HttpStatusCode.Created);
        var profileId = profile["id"]!.GetValue<string>();
        Assert.Equal("*** *** 5552", profile["nhsNumber"]!.GetValue<string>());

        // 4. Recommendations, stored and explained, ranked by the instance that did not add the service.
        var recommend = await practice[0].PostAsync($"/v1/profiles/{profileId}/recommendations?limit=50", null);
        var set = await Json(recommend, HttpStatusCode.Created);
        Assert.Equal("high", set["endorsement"]!["importance"]!.GetValue<string>());
        var items = set["items"]!.AsArray();
        Assert.All(items[0]!["factors"]!.AsArray(), f => Assert.False(string.IsNullOrWhiteSpace(f!["reason"]!.GetValue<string>())));
        Assert.Contains(items, i => i!["serviceId"]!.GetValue<string>() == serviceId);
        var again = await practice[1].GetAsync(recommend.Headers.Location);
        Assert.Equal(await recommend.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());

        // 5. A referral to the new service, endorsed by the GP.
        var created = await Json(await practice[0].PostAsJsonAsync("/v1/referrals", NewReferral(profileId, serviceId, set["id"]!.GetValue<string>())), HttpStatusCode.Created);
        var referralId = created["id"]!.GetValue<string>();

        // 6. Through to completed, each status through the other instance from the one before.
        var turn = 1;
        foreach (var status in new[] { "offered", "contacted", "started", "completed" })
        {
            var moved = await Json(await practice[turn++ % 2].PostAsJsonAsync($"/v1/referrals/{referralId}/events", new { status, occurredAt = DateTimeOffset.UtcNow }), HttpStatusCode.Created);
            Assert.Equal(status, moved["status"]!.GetValue<string>());
        }

        // 7. Its history and audit, from both.
        foreach (var client in practice)
        {
            var referral = await Json(await client.GetAsync($"/v1/referrals/{referralId}"), HttpStatusCode.OK);
            Assert.Equal(["proposed", "offered", "contacted", "started", "completed"], referral["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
            var audit = JsonNode.Parse(await (await client.GetAsync($"/v1/referrals/{referralId}/audit")).Content.ReadAsStringAsync())!.AsArray();
            Assert.Equal(
                ["referral-created", "endorsed", "status-changed", "status-changed", "status-changed", "status-changed"],
                audit.Select(a => a!["action"]!.GetValue<string>()));
        }

        // 8. Another practice sees none of it, on either instance.
        foreach (var other in Each(OtherPracticeKey))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/profiles/{profileId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(recommend.Headers.Location)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/referrals/{referralId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/referrals/{referralId}/audit")).StatusCode);
            var theirs = await Json(await other.GetAsync("/v1/referrals?pageSize=100"), HttpStatusCode.OK);
            Assert.DoesNotContain(theirs["items"]!.AsArray(), r => r!["id"]!.GetValue<string>() == referralId);
            var lookup = await Json(await other.GetAsync("/v1/profiles?patientRef=E2E-0001"), HttpStatusCode.OK);
            Assert.Equal(0, lookup["total"]!.GetValue<int>());
        }

        // 9. The service retires through one instance and leaves the other's directory and recommendations.
        Assert.Equal(HttpStatusCode.NoContent, (await admin[1].DeleteAsync($"/v1/services/{serviceId}")).StatusCode);
        await Eventually.HoldsAsync(
            () => Json(anyone[0].GetAsync("/v1/services?q=quarrybank"), HttpStatusCode.OK),
            found => found["total"]!.GetValue<int>() == 0,
            Eventually.CrossInstance,
            "the retired service gone from the other instance's search");
        var after = await Json(await practice[0].PostAsync($"/v1/profiles/{profileId}/recommendations?limit=50", null), HttpStatusCode.Created);
        Assert.DoesNotContain(after["items"]!.AsArray(), i => i!["serviceId"]!.GetValue<string>() == serviceId);

        // Nothing personal reached any server's log.
        Assert.DoesNotContain("9449305552", deployment.Output);
        Assert.DoesNotContain("944 930 5552", deployment.Output);
    }

    [Fact]
    public async Task The_server_serves_its_contract_and_refuses_bad_input_with_problems()
    {
        var yaml = await deployment.Client(0).GetStringAsync("/openapi/v1.yaml");
        Assert.StartsWith("openapi:", yaml);

        var response = await deployment.Client(1, DirectoryAdminKey).PostAsync(
            "/v1/services", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_real_server_names_no_server_and_its_pages_cannot_be_framed()
    {
        foreach (var (client, path) in Each(null).SelectMany(c => new[] { "/health/live", "/v1/services", "/swagger/index.html" }.Select(p => (c, p))))
        {
            var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), $"{path} names its server");
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    /// <summary>A client for each instance in turn: two on PostgreSQL, the same one twice on SQLite.</summary>
    private HttpClient[] Each(string? key) => [deployment.Client(0, key), deployment.Client(1, key)];

    private Task<JsonObject> Json(Task<HttpResponseMessage> response, HttpStatusCode expected) => JsonAsync(response, expected, deployment);

    private Task<JsonObject> Json(HttpResponseMessage response, HttpStatusCode expected) => JsonAsync(response, expected, deployment);
}
