using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Referrals;

public sealed class ReferralPrivacyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async Task Another_practice_sees_none_of_a_referral()
    {
        var referral = await ReferralBodies.Create(api);
        var id = referral["id"]!.GetValue<string>();
        var other = api.ClientWithKey(api.PracticeBKey);
        var missing = Guid.NewGuid();

        foreach (var path in new[] { $"/v1/referrals/{id}", $"/v1/referrals/{id}/audit" })
        {
            await (await other.GetAsync(path)).AssertProblem(HttpStatusCode.NotFound);
        }

        await (await ReferralBodies.Move(other, id, "offered")).AssertProblem(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/v1/referrals/{id}/endorsement", ReferralBodies.Endorsement())).AssertProblem(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/v1/referrals/{id}/endorsement/withdrawal", new { reason = "x" })).AssertProblem(HttpStatusCode.NotFound);
        var theirs = await (await other.GetAsync($"/v1/referrals/{id}")).Content.ReadAsStringAsync();
        var nobodys = await (await other.GetAsync($"/v1/referrals/{missing}")).Content.ReadAsStringAsync();
        Assert.Equal(JsonNode.Parse(nobodys)!["detail"]!.GetValue<string>(), JsonNode.Parse(theirs)!["detail"]!.GetValue<string>());

        var listed = await (await other.GetAsync($"/v1/referrals?profileId={referral["profileId"]}")).ReadObject();
        Assert.Equal(0, listed["total"]!.GetValue<int>());
        Assert.Equal("proposed", (await (await Practice.GetAsync($"/v1/referrals/{id}")).ReadObject())["status"]!.GetValue<string>());

        await (await api.Admin().GetAsync($"/v1/referrals/{id}")).AssertProblem(HttpStatusCode.Forbidden);
        await (await api.Anonymous().GetAsync($"/v1/referrals/{id}")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Erasing_a_profile_keeps_its_referrals_for_statistics_without_personal_data()
    {
        var referral = await ReferralBodies.Create(api);
        var id = referral["id"]!.GetValue<string>();
        await ReferralBodies.Move(Practice, id, "offered", reason: "Rang Mrs Jones on her mobile");
        await ReferralBodies.Move(Practice, id, "declined", reason: "time");

        Assert.Equal(HttpStatusCode.NoContent, (await Practice.DeleteAsync($"/v1/profiles/{referral["profileId"]}")).StatusCode);

        var kept = await (await Practice.GetAsync($"/v1/referrals/{id}")).ReadObject();
        Assert.Null(kept["profileId"]);
        Assert.True(kept["profileErased"]!.GetValue<bool>());
        Assert.Null(kept["endorsement"]!["note"]);
        Assert.Equal(referral["serviceId"]!.GetValue<string>(), kept["serviceId"]!.GetValue<string>());
        Assert.Equal("never-used", kept["cohort"]!.GetValue<string>());
        Assert.Equal("declined", kept["status"]!.GetValue<string>());
        var history = kept["history"]!.AsArray();
        Assert.Null(history[1]!["reason"]);
        Assert.Equal("time", history[2]!["reason"]!.GetValue<string>());
        Assert.DoesNotContain("Jones", kept.ToJsonString());

        var audit = await (await Practice.GetAsync($"/v1/referrals/{id}/audit")).ReadObject<JsonArray>();
        Assert.Equal("profile-erased", audit[^1]!["action"]!.GetValue<string>());
        Assert.Equal(0, (await (await Practice.GetAsync($"/v1/referrals?profileId={referral["profileId"]}")).ReadObject())["total"]!.GetValue<int>());
    }
}
