using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Recommendations;

public sealed class RecommendationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    private async Task<string> Profile(string patientRef, Action<JsonObject>? change = null) =>
        (await ProfileBodies.Create(Practice, ProfileBodies.With(change ?? (_ => { }), patientRef)))["id"]!.GetValue<string>();

    private async Task<(HttpResponseMessage Response, JsonObject Set)> Recommend(string profileId, string query = "")
    {
        var response = await Practice.PostAsync($"/v1/profiles/{profileId}/recommendations{query}", null);
        return (response, await response.ReadObject(HttpStatusCode.Created));
    }

    [Fact]
    public async Task A_stored_set_reads_back_unchanged_after_the_directory_and_profile_change()
    {
        var service = await ServiceBodies.Create(api.Admin(), ServiceBodies.OnlineNational("Rec unchanged"));
        var profileId = await Profile("REC-1");
        var (response, set) = await Recommend(profileId);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/v1/recommendations/", location);
        var first = await response.Content.ReadAsStringAsync();

        await api.Admin().DeleteAsync($"/v1/services/{service["id"]}");
        await Practice.PutAsJsonAsync($"/v1/profiles/{profileId}", ProfileBodies.With(b => b["maxTravelKm"] = 50, "REC-1"));

        var later = await Practice.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(first, await later.Content.ReadAsStringAsync());
        Assert.Equal(profileId, set["profileId"]!.GetValue<string>());
        Assert.Equal(1, set["profileVersion"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(set["engineVersion"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_set_explains_every_item_and_counts_exclusions()
    {
        await ServiceBodies.Create(api.Admin(), ServiceBodies.OnlineNational("Rec explained"));
        await ServiceBodies.Create(api.Admin(), ServiceBodies.With(b => { b["name"] = "Rec paid"; b["cost"] = "paid"; }));
        var (_, set) = await Recommend(await Profile("REC-2"), "?limit=50");

        var items = set["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.DoesNotContain(items, i => i!["serviceName"]!.GetValue<string>() == "Rec paid");
        Assert.True(set["exclusions"]!["cost"]!.GetValue<int>() >= 1);
        foreach (var item in items)
        {
            Assert.InRange(item!["score"]!.GetValue<int>(), 0, 100);
            var factors = item["factors"]!.AsArray();
            Assert.Equal(12, factors.Count);
            Assert.All(factors, f => Assert.False(string.IsNullOrWhiteSpace(f!["reason"]!.GetValue<string>())));
        }

        Assert.Equal(12, set["weights"]!["factors"]!.AsArray().Count);
        Assert.Equal("high", set["endorsement"]!["importance"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_limit_is_honoured_and_bounded()
    {
        for (var i = 0; i < 3; i++)
        {
            await ServiceBodies.Create(api.Admin(), ServiceBodies.OnlineNational($"Rec limit {i}"));
        }

        var profileId = await Profile("REC-3");
        Assert.Equal(2, (await Recommend(profileId, "?limit=2")).Set["items"]!.AsArray().Count);
        await (await Practice.PostAsync($"/v1/profiles/{profileId}/recommendations?limit=0", null)).AssertFieldError("limit");
        await (await Practice.PostAsync($"/v1/profiles/{profileId}/recommendations?limit=51", null)).AssertFieldError("limit");
    }

    [Fact]
    public async Task Another_practice_gets_404_for_the_profile_and_the_set()
    {
        var profileId = await Profile("REC-4");
        var (response, _) = await Recommend(profileId);
        var other = api.ClientWithKey(api.PracticeBKey);

        await (await other.PostAsync($"/v1/profiles/{profileId}/recommendations", null)).AssertProblem(HttpStatusCode.NotFound);
        await (await other.GetAsync(response.Headers.Location!.OriginalString)).AssertProblem(HttpStatusCode.NotFound);
        await (await api.Admin().PostAsync($"/v1/profiles/{profileId}/recommendations", null)).AssertProblem(HttpStatusCode.Forbidden);
        await (await api.Anonymous().GetAsync(response.Headers.Location!.OriginalString)).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_referral_can_name_the_set_it_came_from_but_not_another_profiles_set()
    {
        var service = await ServiceBodies.Create(api.Admin(), ServiceBodies.OnlineNational("Rec referral"));
        var profileId = await Profile("REC-5");
        var otherProfile = await Profile("REC-6");
        var setId = (await Recommend(profileId)).Set["id"]!.GetValue<string>();

        var body = ReferralBodies.Referral(profileId, service["id"]!.GetValue<string>());
        body["recommendationId"] = setId;
        var referral = await (await Practice.PostAsJsonAsync("/v1/referrals", body)).ReadObject(HttpStatusCode.Created);
        Assert.Equal(setId, referral["recommendationId"]!.GetValue<string>());

        var wrong = ReferralBodies.Referral(otherProfile, service["id"]!.GetValue<string>());
        wrong["recommendationId"] = setId;
        await (await Practice.PostAsJsonAsync("/v1/referrals", wrong)).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Erasing_the_profile_erases_its_sets()
    {
        var profileId = await Profile("REC-7");
        var location = (await Recommend(profileId)).Response.Headers.Location!.OriginalString;

        await Practice.DeleteAsync($"/v1/profiles/{profileId}");

        await (await Practice.GetAsync(location)).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_published_model_is_open_and_complete()
    {
        var model = await (await api.Anonymous().GetAsync("/v1/matching/model")).ReadObject();
        var text = model.ToJsonString();

        Assert.False(string.IsNullOrEmpty(model["engineVersion"]!.GetValue<string>()));
        Assert.Equal(12, model["factors"]!.AsArray().Count);
        Assert.Equal("rank-order-centroid", model["weighting"]!["method"]!.GetValue<string>());
        Assert.Contains("survey", text);
        Assert.Contains("assumption", text);
        Assert.Contains("avoided-format", text);
        Assert.Contains("too-far", text);
    }
}
