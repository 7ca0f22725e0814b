using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;

namespace Referral.Matching;

/// <summary>
/// The engine as published at GET /v1/matching/model: every rule it applies, in words, so a
/// clinician can check what a ranking rests on. Plain records, ready to serialise.
/// </summary>
/// <param name="Relevance">How relevance to the patient's needs comes before every factor.</param>
/// <param name="Unknowns">What the factors do where the patient gave no answer.</param>
/// <param name="Reasons">How each factor's reason is worded for its score.</param>
/// <param name="Variety">The choice rule: how the first places are made a real choice when the patient names no format.</param>
/// <param name="TrackRecords">What a practice is shown of past referrals' outcomes, and why it cannot single out another practice's patient.</param>
public sealed record MatchingModel(
    string EngineVersion,
    IReadOnlyList<FactorModel> Factors,
    IReadOnlyList<CohortPriorModel> CohortPriors,
    WeightingModel Weighting,
    IReadOnlyList<ConstraintModel> HardConstraints,
    string Relevance,
    string Unknowns,
    string Reasons,
    string Endorsement,
    string Variety,
    string TrackRecords,
    string TieBreak,
    IReadOnlyList<SourceModel> Sources);

/// <param name="Source">survey or assumption: where the factor's place in the cohort priors comes from.</param>
/// <param name="ScoringRule">How a service scores 0 to 1 on this factor.</param>
public sealed record FactorModel([property: Vocabulary(typeof(DecisionFactors), nameof(DecisionFactors.Terms))] string Code, string Meaning, [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.PriorSources))] string Source, string ScoringRule);

/// <param name="Cohort">never-used or has-used.</param>
public sealed record CohortPriorModel([property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Cohorts))] string Cohort, string Description, IReadOnlyList<PriorRankModel> Ranks);

public sealed record PriorRankModel([property: Vocabulary(typeof(DecisionFactors), nameof(DecisionFactors.Terms))] string Factor, int Rank, double Weight, [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.PriorSources))] string Source);

public sealed record WeightingModel(string Method, string Formula, string Reference, string PatientRanking, string UnknownCohort);

public sealed record ConstraintModel(string Code, string Rule);

public sealed record SourceModel([property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.PriorSources))] string Code, string Description);
