namespace Referral.Data.Recommendations;

/// <summary>
/// A recommendation set exactly as it was shown: Document holds the JSON the API returned,
/// stored once and never changed, so an endorsement can be traced to what the clinician saw.
/// </summary>
public sealed record RecommendationSetRecord
{
    public Guid Id { get; init; }
    public string OdsCode { get; init; } = string.Empty;
    public Guid ProfileId { get; init; }
    public int ProfileVersion { get; init; }
    public string EngineVersion { get; init; } = string.Empty;

    /// <summary>The returned JSON, encoded as ContentEncoding says (see <see cref="StoredDocument"/>).</summary>
    public byte[] Document { get; init; } = [];

    /// <summary>HTTP's Content-Encoding name for how Document is held: gzip, or identity for sets stored before compression.</summary>
    public string ContentEncoding { get; init; } = StoredDocument.Gzip;

    public DateTimeOffset CreatedAt { get; init; }
}
