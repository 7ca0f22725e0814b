using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Profiles;

/// <summary>What the profile response derives from the answers: traits, loneliness and the weights matching will use.</summary>
public sealed class ProfileScoringTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static int _next;

    private async Task<JsonObject> Create(Action<JsonObject> change) =>
        await ProfileBodies.Create(api.ClientWithKey(api.PracticeAKey), ProfileBodies.With(change, $"SC-{Interlocked.Increment(ref _next)}"));

    // Hand-computed with the TIPI key: E = (1 + 8-6)/2, A = (7 + 8-2)/2, C = (3 + 8-8)/2, ES = (9 + 8-4)/2, O = (5 + 8-10)/2.
    [Theory]
    [InlineData(new[] { 5, 2, 6, 3, 4, 6, 2, 2, 5, 3 }, 3.5, 4.0, 6.0, 5.0, 4.5)]
    [InlineData(new[] { 7, 1, 7, 1, 7, 1, 7, 1, 7, 1 }, 7.0, 7.0, 7.0, 7.0, 7.0)]
    [InlineData(new[] { 1, 7, 1, 7, 1, 7, 1, 7, 1, 7 }, 1.0, 1.0, 1.0, 1.0, 1.0)]
    [InlineData(new[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 }, 4.0, 4.0, 4.0, 4.0, 4.0)]
    [InlineData(new[] { 6, 3, 2, 5, 7, 1, 5, 6, 3, 2 }, 6.5, 5.0, 2.0, 3.0, 6.5)]
    public async Task Tipi_answers_are_scored_with_the_published_key(int[] answers, double e, double a, double c, double es, double o)
    {
        var profile = await Create(b => b["personality"] = new JsonObject { ["tipi"] = new JsonArray(answers.Select(x => (JsonNode)x).ToArray()) });

        var traits = profile["personality"]!["traits"]!;
        Assert.Equal(e, traits["extraversion"]!.GetValue<double>());
        Assert.Equal(a, traits["agreeableness"]!.GetValue<double>());
        Assert.Equal(c, traits["conscientiousness"]!.GetValue<double>());
        Assert.Equal(es, traits["emotionalStability"]!.GetValue<double>());
        Assert.Equal(o, traits["openness"]!.GetValue<double>());
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, 3, false)]
    [InlineData(new[] { 1, 2, 2 }, 5, false)]
    [InlineData(new[] { 2, 2, 2 }, 6, true)]
    [InlineData(new[] { 3, 3, 3 }, 9, true)]
    public async Task Ucla3_answers_give_the_sum_and_the_lonely_flag(int[] answers, int sum, bool lonely)
    {
        var profile = await Create(b => b["personality"] = new JsonObject { ["ucla3"] = new JsonArray(answers.Select(x => (JsonNode)x).ToArray()) });

        Assert.Equal(sum, profile["personality"]!["loneliness"]!["sum"]!.GetValue<int>());
        Assert.Equal(lonely, profile["personality"]!["loneliness"]!["lonely"]!.GetValue<bool>());
        Assert.Null(profile["personality"]!["traits"]);
    }

    [Theory]
    [InlineData(false, "never-used", 5)]
    [InlineData(true, "has-used", 11)]
    public async Task Without_priorities_the_cohort_prior_ranks_the_factors(bool hasUsed, string cohort, int endorsementRank)
    {
        var weights = (await Create(b => b["hasUsedPeerSupport"] = hasUsed))["weights"]!;

        Assert.Equal(cohort, weights["cohort"]!.GetValue<string>());
        var factors = Factors(weights);
        Assert.Equal(12, factors.Count);
        AssertSumsToOne(factors);
        var endorsement = factors.Single(f => f.Factor == "professional-endorsement");
        Assert.Equal(endorsementRank, endorsement.Rank);
        Assert.Equal(Roc(12)[endorsementRank - 1], endorsement.Weight, 6);
        Assert.All(factors, f => Assert.Equal("cohort-prior", f.Source));
        Assert.Equal(4, factors.Count(f => f.PriorSource == "survey"));
        Assert.Contains("eight", weights["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_patients_full_ranking_replaces_the_prior()
    {
        var order = new[]
        {
            "similar-experiences", "free-of-charge", "convenient-time", "preferred-format", "shared-background", "peer-recommendation",
            "language-and-access", "convenient-location", "safe-and-confidential", "health-benefit", "quality-confidence", "professional-endorsement",
        };
        var weights = (await Create(b => b["factorPriorities"] = new JsonArray(order.Select(x => (JsonNode)x).ToArray())))["weights"]!;

        var factors = Factors(weights);
        Assert.Equal(order, factors.Select(f => f.Factor));
        Assert.All(factors, f => Assert.Equal("patient", f.Source));
        Assert.Equal(Roc(12), factors.Select(f => f.Weight), new Tolerance(1e-6));
        AssertSumsToOne(factors);
    }

    [Fact]
    public async Task A_partial_ranking_comes_first_and_the_rest_follow_the_prior()
    {
        var weights = (await Create(b =>
        {
            b["hasUsedPeerSupport"] = false;
            b["factorPriorities"] = new JsonArray("similar-experiences", "free-of-charge");
        }))["weights"]!;

        var factors = Factors(weights);
        Assert.Equal(
            ["similar-experiences", "free-of-charge", "quality-confidence", "health-benefit", "safe-and-confidential", "convenient-location",
             "professional-endorsement", "convenient-time", "preferred-format", "language-and-access", "shared-background", "peer-recommendation"],
            factors.Select(f => f.Factor));
        Assert.Equal(["patient", "patient"], factors.Take(2).Select(f => f.Source));
        Assert.All(factors.Skip(2), f => Assert.Equal("cohort-prior", f.Source));
        Assert.True(factors.Zip(factors.Skip(1)).All(p => p.First.Weight > p.Second.Weight));
        AssertSumsToOne(factors);
    }

    [Fact]
    public async Task An_unknown_history_weighs_each_factor_by_the_mean_of_both_priors()
    {
        var weights = (await Create(b => b.Remove("hasUsedPeerSupport")))["weights"]!;

        Assert.Equal("unknown", weights["cohort"]!.GetValue<string>());
        var factors = Factors(weights);
        var roc = Roc(12);
        Assert.Equal((roc[4] + roc[10]) / 2, factors.Single(f => f.Factor == "professional-endorsement").Weight, 6);
        Assert.Equal((roc[8] + roc[3]) / 2, factors.Single(f => f.Factor == "similar-experiences").Weight, 6);
        AssertSumsToOne(factors);
    }

    private sealed record FactorRow(string Factor, int Rank, double Weight, string Source, string PriorSource);

    private static List<FactorRow> Factors(JsonNode weights) =>
        weights["factors"]!.AsArray().Select(f => new FactorRow(
            f!["factor"]!.GetValue<string>(),
            f["rank"]!.GetValue<int>(),
            f["weight"]!.GetValue<double>(),
            f["source"]!.GetValue<string>(),
            f["priorSource"]!.GetValue<string>())).ToList();

    private static void AssertSumsToOne(IEnumerable<FactorRow> factors) => Assert.Equal(1.0, factors.Sum(f => f.Weight), 4);

    /// <summary>Rank Order Centroid weights straight from the definition: w_i = (1/n) * sum_{k=i..n} 1/k.</summary>
    private static double[] Roc(int n) =>
        Enumerable.Range(1, n).Select(i => Enumerable.Range(i, n - i + 1).Sum(k => 1.0 / k) / n).ToArray();

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
