using Referral.Domain.Directory;
using Referral.Domain.Geography;

namespace Referral.Api.Search;

/// <summary>A directory search after defaults; null means "any".</summary>
public sealed record DirectoryQuery
{
    public string? Text { get; init; }
    public string? Condition { get; init; }
    public string? Community { get; init; }
    public string? Format { get; init; }
    public string? Language { get; init; }
    /// <summary>Only services in this status; null for every status (the ORUK feed publishes each with its status).</summary>
    public string? Status { get; init; } = ServiceStatuses.Active;

    /// <summary>Only services run by this organisation (<see cref="IndexedService.Organisation"/>).</summary>
    public string? Organisation { get; init; }

    /// <summary>Only services changed at or after this time.</summary>
    public DateTimeOffset? ModifiedAfter { get; init; }

    /// <summary>Only services with at least one code of this kind: condition, community or format.</summary>
    public CodeKind? HasAny { get; init; }

    /// <summary>When set, only services with a venue within RadiusKm, nearest first.</summary>
    public GeoPoint? Near { get; init; }
    public double RadiusKm { get; init; } = 25;

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

/// <summary>The coded lists a search can ask for "any code of".</summary>
public enum CodeKind
{
    Condition,
    Community,
    Format,
}

/// <summary>One page of a search: the services with their distance when near was given, and how many matched in all.</summary>
public sealed record DirectoryPage(IReadOnlyList<(IndexedService Service, double? DistanceKm)> Items, int Total);
