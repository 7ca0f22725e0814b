namespace Referral.Data.Recommendations;

/// <summary>
/// A recommendation set exactly as it was shown: Document is the JSON the API returned, stored
/// once and never changed, so an endorsement can be traced to what the clinician saw.
/// </summary>
public sealed record RecommendationSetRecord
{
    public Guid Id { get; init; }
    public string OdsCode { get; init; } = string.Empty;
    public Guid ProfileId { get; init; }
    public int ProfileVersion { get; init; }
    public string EngineVersion { get; init; } = string.Empty;
    public string Document { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
}
