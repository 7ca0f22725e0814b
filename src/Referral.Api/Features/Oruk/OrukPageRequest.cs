using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Validation;

namespace Referral.Api.Features.Oruk;

/// <summary>The paging of the feed's other listings (taxonomies, terms, organizations, service_at_locations).</summary>
public sealed record OrukPageRequest
{
    [Range(1, Paging.MaxPage)]
    [Description("Page number, from 1.")]
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [Range(1, Paging.MaxPageSize), DefaultValue(Paging.DefaultPageSize)]
    [Description("Items per page.")]
    [FromQuery(Name = "per_page")]
    public int? PerPage { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PerPage ?? Paging.DefaultPageSize;

    public OrukPage<T> Of<T>(IReadOnlyList<T> all) =>
        OrukPages.Of(all.Skip((PageNumber - 1) * Size).Take(Size).ToList(), all.Count, PageNumber, Size);
}

public static class OrukPages
{
    public static OrukPage<T> Of<T>(IReadOnlyList<T> items, int total, int page, int size)
    {
        ArgumentNullException.ThrowIfNull(items);
        var pages = total == 0 ? 0 : (int)(((long)total + size - 1) / size);
        return new OrukPage<T>(total, pages, page, items.Count, page == 1, page >= pages, items.Count == 0, items);
    }
}
