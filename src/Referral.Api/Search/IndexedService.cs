using Referral.Domain.Geography;

namespace Referral.Api.Search;

/// <summary>
/// A service as directory search holds it: what the filters and the order read, and its answer
/// already written as JSON, so that a search or a read by id serialises nothing. Its other text
/// (description, organisation) is only cut into words, never kept.
/// </summary>
public sealed record IndexedService(
    Guid Id,
    int Version,
    string Status,
    string Name,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> Communities,
    IReadOnlyList<string> Formats,
    IReadOnlyList<string> Languages,
    string? District,
    GeoPoint? Centroid,
    ReadOnlyMemory<byte> Json)
{
    /// <summary>Who runs it, as a key the feed filters on (the ORUK organization id); null matches no organisation filter.</summary>
    public string? Organisation { get; init; }

    /// <summary>When it last changed, for "modified after" filters.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
