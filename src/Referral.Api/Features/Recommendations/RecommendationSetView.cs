using System.ComponentModel;
using Referral.Api.Features.Profiles;
using Referral.Matching;
using Referral.Domain.Vocabulary;
using Referral.Domain.Factors;

namespace Referral.Api.Features.Recommendations;

/// <summary>
/// A stored recommendation set: exactly what the engine ranked and said for one profile at one
/// moment, kept unchanged so that an endorsement can be traced to what the clinician saw.
/// </summary>
public sealed record RecommendationSetView(
    Guid Id,
    Guid ProfileId,
    [property: Description("The profile version the set was computed from.")] int ProfileVersion,
    [property: Description("The matching model version (GET /v1/matching/model).")] string EngineVersion,
    [property: Description("The factor ranking and weights used, and where each came from.")] WeightsView Weights,
    [property: Description("How much the GP's personal endorsement is likely to matter to this patient, and why.")] EndorsementAdvice Endorsement,
    [property: Description("Best first. score is 0-100; each factor has its weight, score (0-1), contribution and a reason in plain words.")] IReadOnlyList<RecommendedService> Items,
    [property: Description("How many services each hard constraint removed, by reason code.")] IReadOnlyDictionary<string, int> Exclusions,
    int CandidatesConsidered,
    DateTimeOffset CreatedAt,
    [property: Description("The services the choice rule moved up (GET /v1/matching/model: variety), each with its rule and a reason in plain words; empty when it moved none. Absent from sets made before engine 2.0.0.")] IReadOnlyList<VarietyMove>? Variety = null);

/// <summary>One ranked service. Figures are rounded to four decimals: enough to read, and the set stays small.</summary>
public sealed record RecommendedService(
    int Rank,
    Guid ServiceId,
    string ServiceName,
    [property: Description("The formats offered to this patient: the service's own, less avoided formats and in-person formats they cannot reach or use.")] [property: Vocabulary(typeof(Formats), nameof(Formats.Terms))] IReadOnlyList<string> Formats,
    [property: Description("District-centroid distance to the venue in km; null when the service has no venue.")] double? DistanceKm,
    [property: Description("The weighted sum of factor scores, 0 to 1.")] double Total,
    [property: Description("Total x 100, rounded: the figure to show.")] int Score,
    [property: Description("Every factor, most important to this patient first.")] IReadOnlyList<FactorExplanation> Factors)
{
    public static RecommendedService From(Match match) => new(
        match.Rank,
        match.ServiceId,
        match.ServiceName,
        match.Formats,
        match.DistanceKm,
        Round(match.Total),
        match.Score,
        match.Factors.Select(f => new FactorExplanation(f.Factor, Round(f.Weight), Round(f.Score), Round(f.Contribution), f.Reason)).ToList());

    private static double Round(double value) => Math.Round(value, 4);
}

/// <param name="Contribution">weight x score: this factor's share of the total.</param>
/// <param name="Reason">One sentence a GP can read out.</param>
public sealed record FactorExplanation([property: Vocabulary(typeof(DecisionFactors), nameof(DecisionFactors.Terms))] string Factor, double Weight, double Score, double Contribution, string Reason);
