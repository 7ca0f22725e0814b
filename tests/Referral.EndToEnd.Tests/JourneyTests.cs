namespace Referral.EndToEnd.Tests;

/// <summary>
/// A GP practice's whole journey against the running server, with the demo keys the README
/// names: find services, record a profile, get recommendations, refer with an endorsement,
/// close the loop, read the history and audit, and check that another practice sees none of it.
/// </summary>
public sealed class JourneyTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    private const string PracticeKey = "demo-practice-a81001-key";
    private const string OtherPracticeKey = "demo-practice-a81002-key";

    [Fact]
    public async Task A_practice_refers_a_patient_with_an_endorsement_and_closes_the_loop()
    {
        var anyone = server.Client();
        var practice = server.Client(PracticeKey);

        // 1. The open directory, near a Leeds postcode.
        var near = await Json(await anyone.GetAsync("/v1/services?near=LS1%204AP&radiusKm=10"), HttpStatusCode.OK);
        Assert.True(near["total"]!.GetValue<int>() > 0, "the demo directory has services near LS1");
        var distances = near["items"]!.AsArray().Select(i => i!["distanceKm"]!.GetValue<double>()).ToList();
        Assert.Equal(distances.Order(), distances);

        // 2. A profile, recorded with consent.
        var profile = await Json(await practice.PostAsJsonAsync("/v1/profiles", new
        {
            patientRef = "E2E-0001",
            nhsNumber = "944 930 5552",
            birthYear = 1958,
            postcode = "LS6 3AA",
            maxTravelKm = 10,
            conditions = new[] { "depression" },
            formats = new { preferred = Array.Empty<string>(), avoid = new[] { "in-person-group" } },
            availability = new[] { "weekday-morning", "weekday-afternoon" },
            costLimit = "free",
            hasUsedPeerSupport = false,
            personality = new { tipi = new[] { 2, 5, 6, 4, 5, 6, 6, 2, 4, 3 }, ucla3 = new[] { 2, 3, 2 } },
            consent = new { storeProfile = true, shareWithProvider = true, recordedBy = "staff-0042", recordedAt = "2026-11-20T10:15:00Z" },
        }), HttpStatusCode.Created);
        var profileId = profile["id"]!.GetValue<string>();
        Assert.Equal("*** *** 5552", profile["nhsNumber"]!.GetValue<string>());

        // 3. Recommendations, stored and explained.
        var recommend = await practice.PostAsync($"/v1/profiles/{profileId}/recommendations?limit=5", null);
        var set = await Json(recommend, HttpStatusCode.Created);
        Assert.Equal("high", set["endorsement"]!["importance"]!.GetValue<string>());
        var top = set["items"]![0]!;
        Assert.All(top["factors"]!.AsArray(), f => Assert.False(string.IsNullOrWhiteSpace(f!["reason"]!.GetValue<string>())));
        var again = await practice.GetAsync(recommend.Headers.Location);
        Assert.Equal(await recommend.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());

        // 4. A referral to the top service, endorsed by the GP.
        var created = await Json(await practice.PostAsJsonAsync("/v1/referrals", new
        {
            profileId,
            serviceId = top["serviceId"]!.GetValue<string>(),
            recommendationId = set["id"]!.GetValue<string>(),
            route = "direct",
            source = "gp",
            endorsement = new
            {
                clinicianName = "Dr Amara Okafor",
                role = "gp",
                registration = new { body = "gmc", number = "1234567" },
                note = "I think talking to someone who has been there could help.",
                endorsedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            },
        }), HttpStatusCode.Created);
        var referralId = created["id"]!.GetValue<string>();

        // 5. Through to completed.
        foreach (var status in new[] { "offered", "contacted", "started", "completed" })
        {
            var moved = await Json(await practice.PostAsJsonAsync($"/v1/referrals/{referralId}/events", new { status, occurredAt = DateTimeOffset.UtcNow }), HttpStatusCode.Created);
            Assert.Equal(status, moved["status"]!.GetValue<string>());
        }

        // 6. Its history and audit.
        var referral = await Json(await practice.GetAsync($"/v1/referrals/{referralId}"), HttpStatusCode.OK);
        Assert.Equal(["proposed", "offered", "contacted", "started", "completed"], referral["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        var audit = JsonNode.Parse(await (await practice.GetAsync($"/v1/referrals/{referralId}/audit")).Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(
            ["referral-created", "endorsed", "status-changed", "status-changed", "status-changed", "status-changed"],
            audit.Select(a => a!["action"]!.GetValue<string>()));

        // 7. Another practice sees none of it.
        var other = server.Client(OtherPracticeKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/profiles/{profileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(recommend.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/referrals/{referralId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/referrals/{referralId}/audit")).StatusCode);
        var theirs = await Json(await other.GetAsync("/v1/referrals?pageSize=100"), HttpStatusCode.OK);
        Assert.DoesNotContain(theirs["items"]!.AsArray(), r => r!["id"]!.GetValue<string>() == referralId);
        var lookup = await Json(await other.GetAsync("/v1/profiles?patientRef=E2E-0001"), HttpStatusCode.OK);
        Assert.Equal(0, lookup["total"]!.GetValue<int>());

        // Nothing personal reached the server's log.
        Assert.DoesNotContain("9449305552", server.Output);
        Assert.DoesNotContain("944 930 5552", server.Output);
    }

    [Fact]
    public async Task The_server_serves_its_contract_and_refuses_bad_input_with_problems()
    {
        var yaml = await server.Client().GetStringAsync("/openapi/v1.yaml");
        Assert.StartsWith("openapi:", yaml);

        var response = await server.Client("demo-directory-admin-key").PostAsync(
            "/v1/services", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_real_server_names_no_server_and_its_pages_cannot_be_framed()
    {
        foreach (var path in new[] { "/health/live", "/v1/services", "/swagger/index.html" })
        {
            var response = await server.Client().GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), $"{path} names its server");
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    private async Task<JsonObject> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}\n--- server output ---\n{server.Output}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
