using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Features.Referrals;
using Referral.Api.Tests.Infrastructure;
using Referral.Data.Profiles;
using Referral.Data.Recommendations;
using Referral.Data.Referrals;
using Referral.Domain.Referrals;

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

    [Fact]
    public async Task Writes_that_lose_the_race_with_an_erasure_store_nothing()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var profile = Guid.Parse(profileId);
        var read = (await api.Services.GetRequiredService<IProfileRepository>().GetAsync(ApiFactory.PracticeA, profile, default))!;
        Assert.Equal(HttpStatusCode.NoContent, (await Practice.DeleteAsync($"/v1/profiles/{profileId}")).StatusCode);

        // What a request that had read the profile just before the erasure would then write.
        var referrals = api.Services.GetRequiredService<IReferralRepository>();
        var input = new ReferralInput { ProfileId = profile, ServiceId = Guid.Parse(serviceId), Route = "signpost", Source = "gp" };
        var creation = await referrals.CreateAsync(
            new NewReferral(Guid.NewGuid(), ApiFactory.PracticeA, profile, Guid.Parse(serviceId), null, "signpost", "gp", "never-used", "50-59", null, DateTimeOffset.UtcNow),
            parties => ReferralRules.Admit(input, read, parties), null, Guid.NewGuid(), default);
        Assert.IsType<ReferralCreation.ProfileGone>(creation);

        var stored = await api.Services.GetRequiredService<IRecommendationRepository>().AddAsync(
            new RecommendationSetRecord { Id = Guid.NewGuid(), OdsCode = ApiFactory.PracticeA, ProfileId = profile, ProfileVersion = 1, EngineVersion = "1", Document = StoredDocument.Compress("{}"u8), CreatedAt = DateTimeOffset.UtcNow },
            default);
        Assert.False(stored);

        Assert.Equal(0, (await (await Practice.GetAsync($"/v1/referrals?profileId={profileId}")).ReadObject())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_erased_patients_referral_cannot_be_endorsed()
    {
        var referral = await ReferralBodies.Create(api, endorsed: false);
        await Practice.DeleteAsync($"/v1/profiles/{referral["profileId"]}");

        var problem = await (await Practice.PostAsJsonAsync($"/v1/referrals/{referral["id"]}/endorsement", ReferralBodies.Endorsement())).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("erased", problem["detail"]!.GetValue<string>());
    }

    [SqliteFact("PostgreSQL keeps dead tuples until compaction: Postgres/ErasureTests is its counterpart")]
    public async Task Erased_words_leave_no_trace_in_the_database_files()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        body["endorsement"]!["note"] = "Zephyrine-Quillfeather needs a quiet group";
        var referral = await (await Practice.PostAsJsonAsync("/v1/referrals", body)).ReadObject(HttpStatusCode.Created);
        await ReferralBodies.Move(Practice, referral["id"]!.GetValue<string>(), "offered", reason: "Rang Zephyrine-Quillfeather at home");

        await Practice.DeleteAsync($"/v1/profiles/{profileId}");

        await api.AssertNowhereOnDiskAsync("Zephyrine-Quillfeather");
    }
}
