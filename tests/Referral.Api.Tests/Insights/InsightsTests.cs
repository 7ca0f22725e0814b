using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Insights;

/// <summary>
/// The endorsement-uptake insight on known data, against values computed independently (Wilson,
/// Newcombe and MOVER by hand), with the disclosure rules, role and practice scoping, and the
/// CSV and SVG forms. Practice A makes 37 referrals and practice B 3:
/// <code>
///                      referred  contacted  started  completed
/// never-used endorsed  10 (+3 B)   9          8        5
/// never-used not       10          8          3        2
/// has-used endorsed     9          8          4        3
/// has-used not          8          8          0        0
/// </code>
/// </summary>
public sealed class InsightsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Path = ["offered", "contacted", "started", "completed"];

    private ApiFactory Api => api;

    private static JsonObject Group(JsonObject insight, string cohort, bool endorsed) =>
        insight["groups"]!.AsArray().Single(g => g!["cohort"]!.GetValue<string>() == cohort && g["endorsed"]!.GetValue<bool>() == endorsed)!.AsObject();

    private static JsonObject Effect(JsonObject insight, string cohort, string stage) =>
        insight["effects"]!.AsArray().Single(g => g!["cohort"]!.GetValue<string>() == cohort && g["stage"]!.GetValue<string>() == stage)!["effect"]!.AsObject();

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<string> Seeded = [];

    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Seeded.Add(Api.DatabasePath))
            {
                return;
            }

            var a = Api.ClientWithKey(Api.PracticeAKey);
            var service = (await ServiceBodies.Create(Api.Admin(), ServiceBodies.At("Insight target", "LS1 4AP")))["id"]!.GetValue<string>();
            async Task Refer(HttpClient practice, bool used, bool endorsed, params int[] stagesReached)
            {
                var profile = await ProfileBodies.Create(practice, ProfileBodies.With(p => p["hasUsedPeerSupport"] = used, $"INS-{Guid.NewGuid():N}"[..20]));
                foreach (var stages in stagesReached)
                {
                    var referral = await (await practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profile["id"]!.GetValue<string>(), service, endorsed))).ReadObject(HttpStatusCode.Created);
                    foreach (var status in Path.Take(stages))
                    {
                        (await ReferralBodies.Move(practice, referral["id"]!.GetValue<string>(), status)).EnsureSuccessStatusCode();
                    }
                }
            }

            // Stages reached: 4 completed, 3 started, 2 contacted, 0 proposed.
            await Refer(a, used: false, endorsed: true, 4, 4, 4, 4, 4, 3, 3, 3, 2, 0);
            await Refer(a, used: false, endorsed: false, 4, 4, 3, 2, 2, 2, 2, 2, 0, 0);
            await Refer(a, used: true, endorsed: true, 4, 4, 4, 3, 2, 2, 2, 2, 0);
            await Refer(a, used: true, endorsed: false, 2, 2, 2, 2, 2, 2, 2, 2);
            await Refer(Api.ClientWithKey(Api.PracticeBKey), used: false, endorsed: true, 0, 0, 0);
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task An_analyst_sees_all_practices_pooled_with_wilson_intervals_and_rounded_counts()
    {
        await SeedAsync();

        var insight = await (await Api.ClientWithKey(Api.AnalystKey).GetAsync("/v1/insights/endorsement-uptake")).ReadObject();

        Assert.Equal("all-practices", insight["scope"]!["scope"]!.GetValue<string>());
        Assert.Null(insight["scope"]!["practices"]); // two practices: a count of 1 to 7, suppressed
        var neverEndorsed = Group(insight, "never-used", endorsed: true);
        Assert.Equal(15, neverEndorsed["referred"]!.GetValue<int>()); // 13 rounds to 15
        Assert.Equal(10, neverEndorsed["contacted"]!["count"]!.GetValue<int>()); // 9 rounds to 10
        // 9 of 13: computed from the exact counts, not the rounded ones.
        Assert.Equal(0.692, neverEndorsed["contacted"]!["share"]!.GetValue<double>());
        Assert.Equal(0.424, neverEndorsed["contacted"]!["interval"]!["lower"]!.GetValue<double>());
        Assert.Equal(0.873, neverEndorsed["contacted"]!["interval"]!["upper"]!.GetValue<double>());
        var usedNot = Group(insight, "has-used", endorsed: false);
        Assert.Equal(1.0, usedNot["contacted"]!["share"]!.GetValue<double>());
        Assert.Equal(0.676, usedNot["contacted"]!["interval"]!["lower"]!.GetValue<double>());
        Assert.Equal(1.0, usedNot["contacted"]!["interval"]!["upper"]!.GetValue<double>());
    }

    [Fact]
    public async Task Endorsed_minus_not_and_the_difference_of_differences_have_their_intervals()
    {
        await SeedAsync();

        var insight = await (await Api.ClientWithKey(Api.AnalystKey).GetAsync("/v1/insights/endorsement-uptake")).ReadObject();

        // never-used: 9/13 - 8/10; has-used: 8/9 - 8/8 (Newcombe); their difference (MOVER).
        var never = Effect(insight, "never-used", "contacted");
        Assert.Equal(-0.108, never["difference"]!.GetValue<double>());
        Assert.Equal(-0.412, never["interval"]!["lower"]!.GetValue<double>());
        Assert.Equal(0.251, never["interval"]!["upper"]!.GetValue<double>());
        var used = Effect(insight, "has-used", "contacted");
        Assert.Equal(-0.111, used["difference"]!.GetValue<double>());
        Assert.Equal(-0.435, used["interval"]!["lower"]!.GetValue<double>());
        Assert.Equal(0.226, used["interval"]!["upper"]!.GetValue<double>());
        var dod = insight["differenceOfDifferences"]!.AsArray().Single(d => d!["stage"]!.GetValue<string>() == "contacted")!["effect"]!;
        Assert.Equal(0.003, dod["difference"]!.GetValue<double>());
        Assert.Equal(-0.451, dod["interval"]!["lower"]!.GetValue<double>());
        Assert.Equal(0.487, dod["interval"]!["upper"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_small_count_is_suppressed_and_every_share_and_difference_built_on_it_disappears()
    {
        await SeedAsync();

        var insight = await (await Api.ClientWithKey(Api.AnalystKey).GetAsync("/v1/insights/endorsement-uptake")).ReadObject();

        // never-used not endorsed: 3 of 10 started. The count, its share and interval go, and so
        // do the started effect for never-used and the started difference of differences.
        var started = Group(insight, "never-used", endorsed: false)["started"]!;
        Assert.True(started["suppressed"]!.GetValue<bool>());
        Assert.Null(started["count"]);
        Assert.Null(started["share"]);
        Assert.Null(started["interval"]);
        var effect = Effect(insight, "never-used", "started");
        Assert.True(effect["suppressed"]!.GetValue<bool>());
        Assert.Null(effect["difference"]);
        var dod = insight["differenceOfDifferences"]!.AsArray().Single(d => d!["stage"]!.GetValue<string>() == "started")!["effect"]!;
        Assert.True(dod["suppressed"]!.GetValue<bool>());
        // A zero is not a small count: 0 of 8 started is shown.
        Assert.Equal(0.0, Group(insight, "has-used", endorsed: false)["started"]!["share"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_practice_sees_its_own_referrals_only()
    {
        await SeedAsync();

        var a = await (await Api.ClientWithKey(Api.PracticeAKey).GetAsync("/v1/insights/endorsement-uptake")).ReadObject();
        var b = await (await Api.ClientWithKey(Api.PracticeBKey).GetAsync("/v1/insights/endorsement-uptake")).ReadObject();

        Assert.Equal("practice", a["scope"]!["scope"]!.GetValue<string>());
        Assert.Equal(ApiFactory.PracticeA, a["scope"]!["practice"]!.GetValue<string>());
        Assert.Equal(10, Group(a, "never-used", endorsed: true)["referred"]!.GetValue<int>());
        Assert.Equal(0.9, Group(a, "never-used", endorsed: true)["contacted"]!["share"]!.GetValue<double>()); // 9 of A's 10
        var bGroup = Group(b, "never-used", endorsed: true);
        Assert.True(bGroup["suppressed"]!.GetValue<bool>()); // B's 3
        Assert.Null(bGroup["referred"]);
        Assert.Equal(0, Group(b, "has-used", endorsed: false)["referred"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_analysts_and_practices_may_read_insights()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous().GetAsync("/v1/insights/endorsement-uptake")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Admin().GetAsync("/v1/insights/format-personality")).StatusCode);
    }

    [Fact]
    public async Task The_insight_is_a_CSV_table_or_an_SVG_chart_when_asked()
    {
        await SeedAsync();
        var analyst = Api.ClientWithKey(Api.AnalystKey);

        var csv = await analyst.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/insights/endorsement-uptake") { Headers = { { "Accept", "text/csv" } } });
        var svg = await analyst.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/insights/endorsement-uptake") { Headers = { { "Accept", "image/svg+xml" } } });
        var noChart = await analyst.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/insights/decline-reasons") { Headers = { { "Accept", "image/svg+xml" } } });

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.StartsWith("table,cohort,endorsed,stage,referred,count,share,lower,upper,suppressed", lines[0], StringComparison.Ordinal);
        Assert.Contains("share,never-used,true,contacted,15,10,0.692,0.424,0.873,false", lines);
        Assert.Contains("share,never-used,false,started,10,,,,,true", lines);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var chart = await svg.Content.ReadAsStringAsync();
        Assert.StartsWith("<svg", chart, StringComparison.Ordinal);
        Assert.Contains("<title>Uptake by cohort", chart, StringComparison.Ordinal);
        Assert.Contains(">suppressed</text>", chart, StringComparison.Ordinal);
        System.Xml.Linq.XDocument.Parse(chart); // well-formed
        await noChart.AssertProblem(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Format_personality_declines_values_and_wellbeing_answer_for_the_period()
    {
        await SeedAsync();
        var analyst = Api.ClientWithKey(Api.AnalystKey);

        var format = await (await analyst.GetAsync("/v1/insights/format-personality")).ReadObject();
        var declines = await (await analyst.GetAsync("/v1/insights/decline-reasons")).ReadObject();
        var values = await (await analyst.GetAsync("/v1/insights/valued-factors")).ReadObject();
        var wellbeing = await (await analyst.GetAsync("/v1/insights/wellbeing-change")).ReadObject();
        var past = await (await analyst.GetAsync("/v1/insights/format-personality?from=2020-01-01&to=2020-12-31")).ReadObject();

        // 40 referrals to one service: its format row counts them all (started 15, completed 10).
        var row = format["rows"]!.AsArray().Single(r => r!["dimension"]!.GetValue<string>() == "format")!;
        Assert.Equal(40, row["referred"]!.GetValue<int>());
        Assert.Equal(0.375, row["started"]!["share"]!.GetValue<double>());
        Assert.Equal(0.25, row["completed"]!["share"]!.GetValue<double>());
        Assert.Contains(format["rows"]!.AsArray(), r => r!["dimension"]!.GetValue<string>() == "extraversion");
        Assert.Empty(declines["rows"]!.AsArray());
        var endorsement = values["factors"]!.AsArray().Single(f => f!["factor"]!.GetValue<string>() == "professional-endorsement")!;
        Assert.Equal("5 of 12", endorsement["surveyRankNeverUsed"]!.GetValue<string>());
        Assert.Equal("11 of 12", endorsement["surveyRankHasUsed"]!.GetValue<string>());
        Assert.Empty(wellbeing["rows"]!.AsArray());
        Assert.Empty(past["rows"]!.AsArray());
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_a_bad_request()
    {
        var response = await Api.ClientWithKey(Api.AnalystKey).GetAsync("/v1/insights/endorsement-uptake?from=2026-05-01&to=2026-01-01");

        await response.AssertFieldError("to");
    }
}
