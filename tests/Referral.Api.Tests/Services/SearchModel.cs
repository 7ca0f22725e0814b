using System.Globalization;
using Referral.Api.Search;
using Referral.Domain.Geography;

namespace Referral.Api.Tests.Services;

/// <summary>A service as the property test created it: what the reference search reads.</summary>
public sealed record ModelService(
    string Id, string Name, string OtherText, string Status, string? District,
    IReadOnlyList<string> Conditions, IReadOnlyList<string> Communities, IReadOnlyList<string> Formats, IReadOnlyList<string> Languages)
{
    /// <summary>The organisation's key (what the ORUK feed's organization_id filters on).</summary>
    public string? Organisation { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A listing query; null means the parameter is left out.</summary>
public sealed record SearchQuery(
    string? Q, string? Condition, string? Community, string? Format, string? Language,
    string? Status, string? Near, double? RadiusKm, int? Page, int? PageSize)
{
    /// <summary>Filters the ORUK feed adds, which /v1/services does not take (so ToQueryString leaves them out).</summary>
    public string? Organisation { get; init; }

    public DateTimeOffset? ModifiedAfter { get; init; }

    public CodeKind? HasAny { get; init; }

    /// <summary>Every status, as the ORUK feed lists them (Status is then ignored).</summary>
    public bool AnyStatus { get; init; }

    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
            }
        }

        Add("q", Q);
        Add("condition", Condition);
        Add("community", Community);
        Add("format", Format);
        Add("language", Language);
        Add("status", Status);
        Add("near", Near);
        Add("radiusKm", RadiusKm);
        Add("page", Page);
        Add("pageSize", PageSize);
        return string.Join("&", parts);
    }
}

/// <summary>
/// The directory search written as plainly as possible, over the services in memory: filters
/// with AND; q's words each the start of a word of the name, description or organisation
/// (words as SearchWords cuts them); with near, only venues within the radius, nearest first,
/// then by name and id; with q and no near, most of q's words in the name first, then by name
/// and id; otherwise by name and id (names and ids compared code point by code point, as
/// SQLite's BINARY collation orders UTF-8 text).
/// </summary>
public static class ReferenceSearch
{
    public static (IReadOnlyList<(string Id, double? DistanceKm)> Items, int Total) Run(
        IEnumerable<ModelService> services, SearchQuery query, PostcodeDistricts districts)
    {
        var terms = SearchWords.Of(query.Q);
        var text = !string.IsNullOrWhiteSpace(query.Q);
        var status = query.Status ?? "active";
        var matching = services.Where(s =>
            (query.AnyStatus || s.Status == status)
            && (!text || (terms.Count > 0 && terms.All(t => StartsAWord(t, s.Name + "\n" + s.OtherText))))
            && (query.Condition is null || s.Conditions.Contains(query.Condition))
            && (query.Community is null || s.Communities.Contains(query.Community))
            && (query.Format is null || s.Formats.Contains(query.Format))
            && (query.Language is null || s.Languages.Contains(query.Language))
            && (query.Organisation is null || s.Organisation == query.Organisation)
            && (query.ModifiedAfter is null || s.UpdatedAt >= query.ModifiedAfter)
            && (query.HasAny is null || query.HasAny switch
            {
                CodeKind.Condition => s.Conditions.Count > 0,
                CodeKind.Community => s.Communities.Count > 0,
                _ => s.Formats.Count > 0,
            }));

        var byName = Comparer<string>.Create(NameOrder.CompareCodePoints);
        List<(string Id, double? DistanceKm)> ordered;
        if (districts.TryLocate(query.Near, out _, out var near))
        {
            var radius = query.RadiusKm ?? 25;
            ordered = matching
                .Where(s => s.District is not null)
                .Select(s => (s.Id, s.Name, Distance: districts.TryLocate(s.District, out _, out var venue) ? near.DistanceKmTo(venue) : double.PositiveInfinity))
                .Where(s => s.Distance <= radius)
                .OrderBy(s => s.Distance).ThenBy(s => s.Name, byName).ThenBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => (s.Id, (double?)Math.Round(s.Distance, 1)))
                .ToList();
        }
        else
        {
            ordered = matching
                .OrderByDescending(s => terms.Count(t => StartsAWord(t, s.Name)))
                .ThenBy(s => s.Name, byName).ThenBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => (s.Id, (double?)null))
                .ToList();
        }

        var page = query.Page ?? 1;
        var size = query.PageSize ?? 20;
        return (ordered.Skip((page - 1) * size).Take(size).ToList(), ordered.Count);
    }

    private static bool StartsAWord(string term, string text) =>
        SearchWords.Of(text).Any(w => w.StartsWith(term, StringComparison.Ordinal));
}
