using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Profiles;

/// <summary>One practice can never see, change, list or learn of another practice's profiles.</summary>
public sealed class ProfileIsolationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<string> PracticeAProfile(string patientRef) =>
        (await ProfileBodies.Create(api.ClientWithKey(api.PracticeAKey), ProfileBodies.Valid(patientRef)))["id"]!.GetValue<string>();

    [Fact]
    public async Task Another_practices_profile_is_404_exactly_like_a_missing_one()
    {
        var id = await PracticeAProfile("ISO-1");
        var other = api.ClientWithKey(api.PracticeBKey);
        var missing = Guid.NewGuid().ToString();

        foreach (var (method, body) in new (string, JsonObject?)[] { ("GET", null), ("PUT", ProfileBodies.Valid("ISO-1")), ("DELETE", null) })
        {
            var theirs = await Send(other, method, id, body);
            var nobodys = await Send(other, method, missing, body);
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
            Assert.Equal(nobodys.StatusCode, theirs.StatusCode);
            Assert.Equal(WithoutTrace(await nobodys.Content.ReadAsStringAsync()), WithoutTrace(await theirs.Content.ReadAsStringAsync()));
        }

        // Untouched by any of it.
        var mine = await (await api.ClientWithKey(api.PracticeAKey).GetAsync($"/v1/profiles/{id}")).ReadObject();
        Assert.Equal(1, mine["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_practice_cannot_list_or_look_up_the_profiles()
    {
        await PracticeAProfile("ISO-2");
        var other = api.ClientWithKey(api.PracticeBKey);

        var lookup = await (await other.GetAsync("/v1/profiles?patientRef=ISO-2")).ReadObject();
        Assert.Equal(0, lookup["total"]!.GetValue<int>());
        var all = await (await other.GetAsync("/v1/profiles?pageSize=100")).ReadObject();
        Assert.DoesNotContain(all["items"]!.AsArray(), p => p!["patientRef"]!.GetValue<string>() == "ISO-2");
    }

    [Fact]
    public async Task Directory_admin_and_analyst_keys_are_403_on_every_profile_endpoint()
    {
        var id = await PracticeAProfile("ISO-3");
        foreach (var key in new[] { api.AdminKey, api.AnalystKey })
        {
            var client = api.ClientWithKey(key);
            await (await client.GetAsync("/v1/profiles")).AssertProblem(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync("/v1/profiles", ProfileBodies.Valid("ISO-x"))).AssertProblem(HttpStatusCode.Forbidden);
            foreach (var method in new[] { "GET", "PUT", "DELETE" })
            {
                await (await Send(client, method, id, method == "PUT" ? ProfileBodies.Valid("ISO-3") : null)).AssertProblem(HttpStatusCode.Forbidden);
            }
        }

        await (await api.Anonymous().GetAsync($"/v1/profiles/{id}")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string id, JsonObject? body) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/v1/profiles/{id}") { Content = body is null ? null : JsonContent.Create(body) });

    private static string WithoutTrace(string problem)
    {
        var node = JsonNode.Parse(problem)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }
}
