namespace Referral.Api.Features.Services;

/// <summary>A service in a listing; distanceKm is set when the listing was near a place.</summary>
public sealed record ServiceListItem(ServiceView Service, double? DistanceKm);

/// <summary>One page of the directory.</summary>
public sealed record ServicePage(IReadOnlyList<ServiceListItem> Items, int Page, int PageSize, int Total);
