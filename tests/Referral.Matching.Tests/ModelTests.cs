using Referral.Domain.Factors;
using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

public sealed class ModelTests
{
    private static readonly MatchingModel Model = MatchingEngine.Model;

    [Fact]
    public void The_model_describes_all_twelve_factors_with_a_scoring_rule_and_source()
    {
        Assert.Equal(DecisionFactors.All.Select(f => f.Code), Model.Factors.Select(f => f.Code));
        Assert.All(Model.Factors, f => Assert.True(f.ScoringRule.Length > 20, f.Code));
        Assert.Equal(
            ["quality-confidence", "health-benefit", "professional-endorsement", "similar-experiences"],
            Model.Factors.Where(f => f.Source == "survey").Select(f => f.Code));
        Assert.All(Model.Factors.Where(f => f.Source != "survey"), f => Assert.Equal("assumption", f.Source));
    }

    [Fact]
    public void Both_cohort_priors_rank_every_factor_once_with_weights_summing_to_one()
    {
        Assert.Equal(["never-used", "has-used"], Model.CohortPriors.Select(c => c.Cohort));
        foreach (var prior in Model.CohortPriors)
        {
            Assert.Equal(Enumerable.Range(1, 12), prior.Ranks.Select(r => r.Rank));
            Assert.Equal(12, prior.Ranks.Select(r => r.Factor).Distinct().Count());
            Assert.Equal(1, prior.Ranks.Sum(r => r.Weight), 12);
        }

        Assert.Equal(5, Model.CohortPriors[0].Ranks.Single(r => r.Factor == "professional-endorsement").Rank);
        Assert.Equal(11, Model.CohortPriors[1].Ranks.Single(r => r.Factor == "professional-endorsement").Rank);
    }

    [Fact]
    public void The_model_lists_the_same_reason_codes_a_result_counts()
    {
        var result = Engine.Rank(Patients.InLeeds, new ServiceSpec());

        Assert.Equal(Oracle.ReasonCodes, Model.HardConstraints.Select(c => c.Code));
        Assert.Equal(result.Exclusions.Keys, Model.HardConstraints.Select(c => c.Code));
    }

    [Fact]
    public void The_model_says_track_records_count_other_practices_only_from_a_floor_in_bands_at_snapshots()
    {
        Assert.Contains("other practices", Model.TrackRecords);
        Assert.Contains("at least 10", Model.TrackRecords);
        Assert.Contains("at least 3 different practices", Model.TrackRecords);
        Assert.Contains("multiple of 10", Model.TrackRecords);
        Assert.Contains("never from exact counts", Model.TrackRecords);
        Assert.Contains("snapshot", Model.TrackRecords);
        foreach (var code in new[] { "peer-recommendation", "professional-endorsement" })
        {
            var rule = Model.Factors.Single(f => f.Code == code).ScoringRule;
            Assert.Contains("only other practices' closed referrals", rule);
            Assert.Contains("at least 10 from at least 3 practices", rule);
        }
    }

    [Fact]
    public void The_model_names_its_version_weighting_and_rules()
    {
        Assert.Equal(MatchingEngine.Version, Model.EngineVersion);
        Assert.Equal(MatchingEngine.Version, Engine.Rank(Patients.InLeeds).EngineVersion);
        Assert.Equal("rank-order-centroid", Model.Weighting.Method);
        Assert.Contains("Barron", Model.Weighting.Reference);
        Assert.Contains("5th of 12", Model.Endorsement);
        Assert.Contains("the first three", Model.Variety);
        Assert.Contains("service id", Model.TieBreak);
        Assert.Equal(["survey", "assumption"], Model.Sources.Select(s => s.Code));
    }
}
