using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Outcomes;

/// <summary>
/// ONS4 at baseline and follow-up, UCLA-3 at follow-up: validated, stored with who took them and
/// when, audited without the answers, scoped to the practice, shared in the closure summary only
/// with full-summary, and erased with the profile.
/// </summary>
public sealed class OutcomeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    public static JsonObject Measures(string timepoint, int life = 5, int worthwhile = 6, int happiness = 4, int anxiety = 7, JsonArray? ucla3 = null, string? measuredAt = null) => new()
    {
        ["timepoint"] = timepoint,
        ["ons4"] = new JsonObject { ["lifeSatisfaction"] = life, ["worthwhile"] = worthwhile, ["happiness"] = happiness, ["anxiety"] = anxiety },
        ["ucla3"] = ucla3,
        ["recordedBy"] = "staff-0042",
        ["measuredAt"] = measuredAt ?? DateTimeOffset.UtcNow.ToString("O"),
    };

    private async Task<string> Referral(params string[] moves)
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        foreach (var status in moves)
        {
            (await ReferralBodies.Move(Practice, id, status)).EnsureSuccessStatusCode();
        }

        return id;
    }

    [Fact]
    public async Task A_baseline_and_a_follow_up_are_stored_with_who_took_them_and_the_interval()
    {
        var id = await Referral();
        var baseline = await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/outcomes", Measures("baseline"))).ReadObject(HttpStatusCode.Created);
        foreach (var status in new[] { "offered", "contacted", "started" })
        {
            (await ReferralBodies.Move(Practice, id, status)).EnsureSuccessStatusCode();
        }

        var followUp = await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/outcomes", Measures("follow-up", 7, 7, 6, 3, new JsonArray(1, 2, 1)))).ReadObject(HttpStatusCode.Created);

        Assert.Equal("baseline", baseline["timepoint"]!.GetValue<string>());
        Assert.Equal(0, baseline["intervalDays"]!.GetValue<int>());
        Assert.Equal("staff-0042", baseline["recordedBy"]!.GetValue<string>());
        Assert.Equal(4, followUp["ucla3Sum"]!.GetValue<int>());
        var list = await (await Practice.GetAsync($"/v1/referrals/{id}/outcomes")).ReadObject<JsonArray>();
        Assert.Equal(["baseline", "follow-up"], list.Select(o => o!["timepoint"]!.GetValue<string>()));
        Assert.Equal(7, list[1]!["ons4"]!["lifeSatisfaction"]!.GetValue<int>());

        // The audit says that measures were taken, never what they were.
        var audit = await (await Practice.GetAsync($"/v1/referrals/{id}/audit")).ReadObject<JsonArray>();
        var recorded = audit.Where(a => a!["action"]!.GetValue<string>() == "outcome-recorded").ToList();
        Assert.Equal(2, recorded.Count);
        Assert.Equal("follow-up", recorded[1]!["detail"]!["timepoint"]!.GetValue<string>());
        Assert.Null(recorded[1]!["detail"]!["lifeSatisfaction"]);
    }

    [Fact]
    public async Task A_follow_up_before_the_support_started_and_a_second_baseline_are_conflicts()
    {
        var id = await Referral("offered");
        (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/outcomes", Measures("baseline"))).EnsureSuccessStatusCode();

        await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/outcomes", Measures("baseline"))).AssertProblem(HttpStatusCode.Conflict);
        await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/outcomes", Measures("follow-up", ucla3: new JsonArray(2, 2, 2)))).AssertProblem(HttpStatusCode.Conflict);
        Assert.Single(await (await Practice.GetAsync($"/v1/referrals/{id}/outcomes")).ReadObject<JsonArray>());
    }

    [Theory]
    [InlineData("ons4.lifeSatisfaction")]
    [InlineData("ons4.anxiety")]
    [InlineData("timepoint")]
    [InlineData("ucla3")]
    [InlineData("measuredAt")]
    public async Task Each_measure_is_validated(string field)
    {
        var id = await Referral("offered", "contacted", "started");
        var body = Measures("follow-up", ucla3: new JsonArray(2, 2, 2));
        switch (field)
        {
            case "ons4.lifeSatisfaction": body["ons4"]!["lifeSatisfaction"] = 11; break;
            case "ons4.anxiety": body["ons4"]!["anxiety"] = -1; break;
            case "timepoint": body["timepoint"] = "midway"; break;
            case "ucla3": body["ucla3"] = null; break;
            case "measuredAt": body["measuredAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"); break;
        }

        var response = await Practice.PostAsJsonAsync($"/v1/referrals/{id}/outcomes", body);

        await response.AssertFieldError(field);
        Assert.Empty(await (await Practice.GetAsync($"/v1/referrals/{id}/outcomes")).ReadObject<JsonArray>());
    }

    [Fact]
    public async Task Another_practices_referral_is_not_found()
    {
        var id = await Referral();
        var other = api.ClientWithKey(api.PracticeBKey);

        await (await other.PostAsJsonAsync($"/v1/referrals/{id}/outcomes", Measures("baseline"))).AssertProblem(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/v1/referrals/{id}/outcomes")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty(await (await Practice.GetAsync($"/v1/referrals/{id}/outcomes")).ReadObject<JsonArray>());
    }

    [Fact]
    public async Task The_closure_summary_carries_the_measures_with_full_summary_only()
    {
        var referral = await ReferralBodies.Create(api);
        var id = referral["id"]!.GetValue<string>();
        (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/outcomes", Measures("baseline", life: 3))).EnsureSuccessStatusCode();
        foreach (var status in new[] { "offered", "contacted", "started" })
        {
            (await ReferralBodies.Move(Practice, id, status)).EnsureSuccessStatusCode();
        }

        (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/outcomes", Measures("follow-up", life: 6, ucla3: new JsonArray(1, 1, 2)))).EnsureSuccessStatusCode();
        (await ReferralBodies.Move(Practice, id, "completed")).EnsureSuccessStatusCode();

        var codesOnly = await (await Practice.GetAsync($"/v1/referrals/{id}/summary")).ReadObject();
        Assert.Null(codesOnly["outcomes"]);

        (await Practice.PutAsJsonAsync($"/v1/referrals/{id}/record-sharing", new JsonObject { ["recordSharing"] = "full-summary" })).EnsureSuccessStatusCode();
        var full = await (await Practice.GetAsync($"/v1/referrals/{id}/summary")).ReadObject();
        Assert.Equal([3, 6], full["outcomes"]!.AsArray().Select(o => o!["lifeSatisfaction"]!.GetValue<int>()));
        Assert.Equal(4, full["outcomes"]![1]!["ucla3Sum"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_erased_profiles_outcomes_are_gone_and_its_referral_still_counts()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api, p => p["hasUsedPeerSupport"] = null);
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var referral = await (await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, serviceId))).ReadObject(HttpStatusCode.Created);
            ids.Add(referral["id"]!.GetValue<string>());
            (await Practice.PostAsJsonAsync($"/v1/referrals/{ids[^1]}/outcomes", Measures("baseline"))).EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Practice.DeleteAsync($"/v1/profiles/{profileId}")).StatusCode);

        await using var db = await api.OpenDatabaseAsync();
        using var count = db.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM outcome_measures WHERE referral_id IN ({string.Join(", ", ids.Select(id => $"'{id}'"))})";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        Assert.Empty(await (await Practice.GetAsync($"/v1/referrals/{ids[0]}/outcomes")).ReadObject<JsonArray>());
        await (await Practice.PostAsJsonAsync($"/v1/referrals/{ids[0]}/outcomes", Measures("baseline"))).AssertProblem(HttpStatusCode.UnprocessableEntity);

        // Eight anonymised referrals of the unknown cohort, endorsed: still counted (8 rounds to 10).
        var insight = await (await Practice.GetAsync("/v1/insights/endorsement-uptake")).ReadObject();
        var group = insight["groups"]!.AsArray().Single(g => g!["cohort"]!.GetValue<string>() == "unknown" && g["endorsed"]!.GetValue<bool>());
        Assert.Equal(10, group!["referred"]!.GetValue<int>());
    }
}
