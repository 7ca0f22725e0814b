using System.ComponentModel;
using Referral.Api.Features.Profiles;
using Referral.Matching;

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
    [property: Description("Best first. score is 0-100; each factor has its weight, score (0-1), contribution and a reason in plain words.")] IReadOnlyList<Match> Items,
    [property: Description("How many services each hard constraint removed, by reason code.")] IReadOnlyDictionary<string, int> Exclusions,
    int CandidatesConsidered,
    DateTimeOffset CreatedAt);
