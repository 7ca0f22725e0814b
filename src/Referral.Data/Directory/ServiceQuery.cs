using Referral.Domain.Geography;

namespace Referral.Data.Directory;

/// <summary>Filters of the directory listing; null means "any".</summary>
public sealed record ServiceQuery
{
    public string? Text { get; init; }
    public string? Condition { get; init; }
    public string? Community { get; init; }
    public string? Format { get; init; }
    public string? Language { get; init; }
    public string Status { get; init; } = "active";

    /// <summary>When set, only services with a venue within RadiusKm, nearest first.</summary>
    public GeoPoint? Near { get; init; }
    public double RadiusKm { get; init; } = 25;

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

/// <summary>A service in a listing, with its distance when the listing was near a place.</summary>
public sealed record ServiceListing(Referral.Domain.Directory.Service Service, double? DistanceKm);
