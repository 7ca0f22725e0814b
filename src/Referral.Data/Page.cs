namespace Referral.Data;

/// <summary>One page of a listing, and how many items match in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
