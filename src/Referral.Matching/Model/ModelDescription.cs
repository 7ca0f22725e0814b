using Referral.Domain.Factors;
using Referral.Matching.Constraints;
using Referral.Matching.Factors;
using Referral.Matching.Ranking;

namespace Referral.Matching.Model;

/// <summary>Assembles the published model from the rules the engine actually runs.</summary>
internal static class ModelDescription
{
    /// <summary>Why relevance is a gate rather than a weight: no weighting of the other factors can then put a service for other needs first.</summary>
    public const string Relevance =
        "Relevance comes first, as a gate: a service aimed only at needs the patient does not have (it lists conditions, none of them the patient's, " +
        "and none of the patient's communities) is excluded and counted under other-needs, so it can never outrank a relevant one, however good its " +
        "quality. A service is relevant when it is aimed at one of the patient's conditions or communities, or is open to any condition. When the " +
        "patient named no condition, their needs are not known and no service is excluded for them.";

    public const string Unknowns =
        "Where the patient gave no answer, the factor scores every service alike: no availability gives every service 0.5 on convenient-time; " +
        "no preferred formats, personality or loneliness answers give every format 0.5 on preferred-format; no condition gives 0.5 on health-benefit " +
        "and similar-experiences; no community gives 0.5 on shared-background; no track record shown gives 0.5 on peer-recommendation and on the " +
        "record part of professional-endorsement. Middling personality answers stay close to neutral across formats (extraversion 4 of 7 is exactly " +
        "neutral); the format fit is strongest only at the ends of the scale.";

    public static MatchingModel Build() => new(
        MatchingEngine.Version,
        FactorCatalogue.Rules.Select(Factor).ToArray(),
        [
            Prior(Cohort.NeverUsed, "Members of the public who had not used peer support.", f => f.PriorRankNeverUsed),
            Prior(Cohort.HasUsed, "Members of the public who had used peer support.", f => f.PriorRankHasUsed),
        ],
        new WeightingModel(
            "rank-order-centroid",
            "For n factors, the factor ranked i gets w_i = (1/n) × sum over k = i..n of 1/k; the weights sum to 1.",
            "Barron, F. H. and Barrett, B. E. (1996) Decision quality using ranked attribute weights. Management Science 42(11).",
            "Factors the patient ranked come first, in the patient's order; the rest follow in the cohort prior's order.",
            "When it is not known whether the patient has used peer support and they gave no ranking, each weight is the mean of the two cohort priors' weights."),
        HardConstraints.All.Select(c => new ConstraintModel(c.Code, c.Rule)).ToArray(),
        Relevance,
        Unknowns,
        FitBands.Rule,
        Endorsement.Rule,
        ChoiceRule.Rule,
        TrackRecords.Rule,
        "Equal totals are ordered by service id (the order of the ids' canonical text), so the same inputs always give the same ranking.",
        [
            new SourceModel("survey", "Published by the Q Improvement Lab (The Health Foundation) from its survey with YouGov and UCL, 2,666 people, 2018."),
            new SourceModel("assumption", "The product's assumption, drawn from the wider peer support literature; not a survey finding."),
        ]);

    private static FactorModel Factor(FactorRule rule)
    {
        var factor = DecisionFactors.Get(rule.Code);
        return new FactorModel(factor.Code, factor.Meaning, SourceCode(factor.Source), rule.Rule);
    }

    private static CohortPriorModel Prior(Cohort cohort, string description, Func<DecisionFactor, int> rank) => new(
        cohort.Code(),
        description,
        DecisionFactors.All
            .OrderBy(rank)
            .Select(f => new PriorRankModel(f.Code, rank(f), FactorWeights.PriorWeight(f, cohort), SourceCode(f.Source)))
            .ToArray());

    private static string SourceCode(PriorSource source) => source == PriorSource.Survey ? "survey" : "assumption";
}
