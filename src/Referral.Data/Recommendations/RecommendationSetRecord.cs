namespace Referral.Data.Recommendations;

/// <summary>
/// A recommendation set exactly as it was shown: Document is the JSON the API returned, stored
/// once and never changed, so an endorsement can be traced to what the clinician saw.
/// </summary>
public sealed record RecommendationSetRecord(
    Guid Id,
    string OdsCode,
    Guid ProfileId,
    int ProfileVersion,
    string EngineVersion,
    string Document,
    DateTimeOffset CreatedAt);
