using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;

namespace Referral.Matching;

/// <summary>The engine's answer for one patient: ranked, explained matches and what was excluded.</summary>
/// <param name="EngineVersion">The version of the published model that produced this result.</param>
/// <param name="Cohort">never-used, has-used or unknown: which survey prior applied.</param>
/// <param name="Weights">The factor ranking and weights used for this patient.</param>
/// <param name="Endorsement">How much a clinician's endorsement matters to this patient, and why.</param>
/// <param name="Items">Best first.</param>
/// <param name="Exclusions">Services removed by each hard constraint, for every reason code (0 where none).</param>
/// <param name="CandidatesConsidered">Services in the directory that was ranked.</param>
/// <param name="Variety">The services the choice rule moved up, each with its rule and reason; empty when it moved none.</param>
public sealed record MatchResult(
    string EngineVersion,
    string Cohort,
    EffectiveWeights Weights,
    EndorsementAdvice Endorsement,
    IReadOnlyList<Match> Items,
    IReadOnlyDictionary<string, int> Exclusions,
    int CandidatesConsidered,
    IReadOnlyList<VarietyMove> Variety);

/// <param name="Rank">1 for the best match.</param>
/// <param name="Formats">The formats offered to this patient: the service's own, less avoided formats and in-person formats they cannot reach or use.</param>
/// <param name="DistanceKm">District-centroid distance to the venue, to 0.1 km; null when the service has no known venue.</param>
/// <param name="Total">The weighted sum of factor scores, 0 to 1.</param>
/// <param name="Score">Total × 100, rounded: the figure to show.</param>
/// <param name="Factors">Every factor, most important to this patient first.</param>
public sealed record Match(
    int Rank,
    Guid ServiceId,
    string ServiceName,
    IReadOnlyList<string> Formats,
    double? DistanceKm,
    double Total,
    int Score,
    IReadOnlyList<FactorScore> Factors);

/// <param name="Score">0 to 1.</param>
/// <param name="Contribution">Weight × score: this factor's share of the total.</param>
/// <param name="Reason">One sentence a GP can read out.</param>
public sealed record FactorScore(string Factor, double Weight, double Score, double Contribution, string Reason);

/// <summary>One service the choice rule moved up the list, so a GP can see the order is not the scores' alone.</summary>
/// <param name="Rule">local-and-remote, organisations or formats: the requirement the plain order did not meet.</param>
/// <param name="Rank">Where it now stands.</param>
/// <param name="Reason">One sentence a GP can read out.</param>
public sealed record VarietyMove(
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.VarietyRules))] string Rule,
    Guid ServiceId,
    int Rank,
    string Reason);

/// <param name="Importance">high or normal.</param>
public sealed record EndorsementAdvice([property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.EndorsementImportance))] string Importance, string Reason);
