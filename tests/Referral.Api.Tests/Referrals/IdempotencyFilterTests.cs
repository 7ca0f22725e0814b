using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Referrals;

/// <summary>
/// The Idempotency-Key filter on the endpoint that uses it (POST /v1/referrals): what it
/// declares, what a replay looks like, where it stands against validation and the referral
/// rules, concurrent requests, and erasure. The basic replay and hashing are in ReferralSafetyTests.
/// </summary>
public sealed class IdempotencyFilterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    private static HttpRequestMessage WithKey(JsonObject body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/referrals") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task The_contract_declares_the_key_header_and_the_422()
    {
        var document = await (await api.Anonymous().GetAsync("/openapi/v1.json")).ReadObject();
        var operation = document["paths"]!["/v1/referrals"]!["post"]!;

        var header = Assert.Single(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key")!;
        Assert.Equal("header", header["in"]!.GetValue<string>());
        Assert.NotNull(operation["responses"]!["422"]);
    }

    [Fact]
    public async Task Only_a_replay_is_marked_and_it_repeats_the_first_location_etag_and_body()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        var key = Guid.NewGuid().ToString();

        var first = await Practice.SendAsync(WithKey(body, key));
        var replay = await Practice.SendAsync(WithKey(body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal("application/json", replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(first.Headers.ETag, replay.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_without_a_key_stores_no_response()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var created = await (await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, serviceId))).ReadObject(HttpStatusCode.Created);

        Assert.Equal(0L, await StoredResponsesFor(created["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_body_is_validated_before_the_key()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        body["route"] = "fax";

        var tooLong = new string('k', 101);

        await (await Practice.SendAsync(WithKey(body, tooLong))).AssertFieldError("route");
        await (await Practice.SendAsync(WithKey(ReferralBodies.Referral(profileId, serviceId), tooLong))).AssertFieldError("Idempotency-Key");
    }

    [Fact]
    public async Task A_replay_is_the_first_answer_even_after_the_service_closed()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        var key = Guid.NewGuid().ToString();
        var first = await Practice.SendAsync(WithKey(body, key));
        await api.Admin().DeleteAsync($"/v1/services/{serviceId}");

        var replay = await Practice.SendAsync(WithKey(body, key));

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Of_concurrent_requests_with_one_key_and_different_bodies_one_makes_a_referral_and_the_others_are_422()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Practice.SendAsync(WithKey(ReferralBodies.Referral(profileId, serviceId, endorsed: i % 2 == 0), key))));

        // One request made the referral; a request with its body is a retry of it, answered
        // with its response; any other body reuses the key.
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Single(created, r => !r.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(created.Select(r => r.Headers.Location).Distinct());
        var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("Idempotency-Key", problem["title"]!.GetValue<string>());
        }

        Assert.Equal(1, (await (await Practice.GetAsync($"/v1/referrals?profileId={profileId}")).ReadObject())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Erasing_the_profile_deletes_its_stored_responses()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        var key = Guid.NewGuid().ToString();
        var created = await (await Practice.SendAsync(WithKey(body, key))).ReadObject(HttpStatusCode.Created);
        Assert.Equal(1L, await StoredResponsesFor(created["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NoContent, (await Practice.DeleteAsync($"/v1/profiles/{profileId}")).StatusCode);

        Assert.Equal(0L, await StoredResponsesFor(created["id"]!.GetValue<string>()));
        var retry = await (await Practice.SendAsync(WithKey(body, key))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Unknown profile", retry["title"]!.GetValue<string>());
    }

    private Task<long> StoredResponsesFor(string referralId) =>
        api.ScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys WHERE referral_id = @id", new { id = Guid.Parse(referralId) });
}
