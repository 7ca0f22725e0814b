using System.ComponentModel;
using Referral.Api.OpenApi;
using Referral.Data.Insights;
using Referral.Domain.Factors;
using Referral.Domain.Insights;

namespace Referral.Api.Features.Insights;

/// <summary>
/// What people value: for patients who ranked the decision factors themselves (profiles recorded
/// in the period; an erased profile's ranking is gone with it), the mean rank each cohort gave
/// each factor, beside the survey's ranks where the survey published them. A patient may rank
/// only some factors: a factor's mean is over the patients who ranked it, and its count says how many.
/// </summary>
[SchemaName("ValuedFactors")]
public sealed record ValuedFactors(ScopeView Scope, IReadOnlyList<ValuedFactor> Factors)
{
    public static ValuedFactors Of(ScopeView scope, IReadOnlyList<FactorRanking> rankings) =>
        new(scope, DecisionFactors.All.Select(factor => new ValuedFactor(
            factor.Code,
            factor.Meaning,
            factor.Source == PriorSource.Survey ? "survey" : "assumption",
            factor.Source == PriorSource.Survey ? SurveyRank(factor.PriorRankNeverUsed) : null,
            factor.Source == PriorSource.Survey ? SurveyRank(factor.PriorRankHasUsed) : null,
            EndorsementUptake.Cohorts.Select(cohort =>
            {
                var ranks = rankings.Where(r => r.Cohort == cohort && r.Priorities.Contains(factor.Code))
                    .Select(r => r.Priorities.ToList().IndexOf(factor.Code) + 1.0).ToList();
                var shown = ranks.Count > 0 && !Disclosure.IsSuppressed(ranks.Count);
                return new CohortRank(cohort, Disclosure.Publish(ranks.Count), shown ? IntervalView.Round(ranks.Average()) : null, Disclosure.IsSuppressed(ranks.Count));
            }).ToList())).ToList());

    // The survey published exact ranks for two factors and "top two" for two others (domain.md).
    private static string SurveyRank(int rank) => rank <= 2 ? "top two of 12" : $"{rank} of 12";
}

[SchemaName("ValuedFactor")]
public sealed record ValuedFactor(
    string Factor,
    string Label,
    [property: Description("survey (the Q Improvement Lab survey ranked it) or assumption (the product's own catalogue).")] string Source,
    [property: Description("The survey's rank among people who had never used peer support, where published.")] string? SurveyRankNeverUsed,
    [property: Description("The survey's rank among people who had used peer support, where published.")] string? SurveyRankHasUsed,
    IReadOnlyList<CohortRank> Cohorts);

[SchemaName("CohortRank")]
public sealed record CohortRank(
    string Cohort,
    [property: Description("Patients of the cohort who ranked this factor.")] int? Patients,
    [property: Description("Their mean rank (1 = most important).")] double? MeanRank,
    bool Suppressed);
