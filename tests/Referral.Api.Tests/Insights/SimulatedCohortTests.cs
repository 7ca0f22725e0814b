using Referral.Api.CommandLine;
using Referral.Api.Demo;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Insights;

/// <summary>
/// The demo simulation states its effects (SyntheticCohort); the insights, read over HTTP like
/// any analyst's, must find each one inside its 95% interval.
/// </summary>
public sealed class SimulatedCohortTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_insights_recover_the_effects_the_simulation_put_in()
    {
        await DemoData.SeedAsync(api.Services);
        await DemoCommand.SimulateAsync(api.Services, 5000, seed: 1, default);

        var insight = await (await api.ClientWithKey(api.AnalystKey).GetAsync("/v1/insights/endorsement-uptake")).ReadObject();

        static (double Lower, double Upper) Interval(JsonNode effect) =>
            (effect["interval"]!["lower"]!.GetValue<double>(), effect["interval"]!["upper"]!.GetValue<double>());
        foreach (var stage in new[] { "contacted", "started", "completed" })
        {
            // Endorsement moves a patient from not taking the support up to taking it up; a
            // completion follows a start with probability Completion, so the effect shrinks by it there.
            var scale = stage == "completed" ? SyntheticCohort.Completion : 1.0;
            foreach (var (cohort, effect) in SyntheticCohort.EndorsementEffect)
            {
                var found = insight["effects"]!.AsArray().Single(e => e!["cohort"]!.GetValue<string>() == cohort && e["stage"]!.GetValue<string>() == stage)!["effect"]!;
                var (lower, upper) = Interval(found);
                Assert.InRange(effect * scale, lower, upper);
            }

            var dod = insight["differenceOfDifferences"]!.AsArray().Single(d => d!["stage"]!.GetValue<string>() == stage)!["effect"]!;
            var (dodLower, dodUpper) = Interval(dod);
            var built = (SyntheticCohort.EndorsementEffect["never-used"] - SyntheticCohort.EndorsementEffect["has-used"]) * scale;
            Assert.InRange(built, dodLower, dodUpper);
            Assert.True(dodLower > 0, $"endorsement should matter more for first-timers at {stage}");
        }

        // Reserved people take up messages and online communities more than in-person groups.
        var format = await (await api.ClientWithKey(api.AnalystKey).GetAsync("/v1/insights/format-personality")).ReadObject();
        var extraversion = format["rows"]!.AsArray().Where(r => r!["dimension"]!.GetValue<string>() == "extraversion")
            .ToDictionary(r => r!["level"]!.GetValue<string>(), r => r!["started"]!["share"]!.GetValue<double>());
        Assert.True(extraversion["reserved"] < extraversion["outgoing"]);

        // Reserved people offered an in-person group decline it for its format more than anyone else.
        var declines = await (await api.ClientWithKey(api.AnalystKey).GetAsync("/v1/insights/decline-reasons")).ReadObject();
        double Share(string format, string reason) => declines["rows"]!.AsArray()
            .Single(r => r!["format"]!.GetValue<string>() == format && r["reason"]!.GetValue<string>() == reason)!["shareOfFormatDeclines"]!["share"]!.GetValue<double>();
        Assert.True(Share("in-person-group", "format") > Share("in-person-group", "cost"));
    }
}
