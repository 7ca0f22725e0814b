using System.Text.Json;
using Referral.Api.Features.Oruk;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Importing;

/// <summary>
/// How another feed's taxonomy terms become our codes: our own taxonomies' terms by their
/// stable ids or their codes, everything else through the area's mapping file (by term id, by
/// "taxonomy/term", then by the term's name). A term found nowhere is unknown: reported, never guessed.
/// </summary>
public sealed class OrukTermMapping
{
    private readonly Dictionary<string, IReadOnlyList<(TermSet Vocabulary, string Code)>> _terms;

    private OrukTermMapping(Dictionary<string, IReadOnlyList<(TermSet, string)>> terms, ImportDefaults defaults)
    {
        _terms = terms;
        Defaults = defaults;
    }

    public ImportDefaults Defaults { get; }

    /// <summary>The mapping file's "defaults": what a record gets for what ORUK has no field for.</summary>
    public sealed record ImportDefaults(
        string Cost, string Capacity, string EvidenceLevel, IReadOnlyList<string> Formats, IReadOnlyList<string> Languages, IReadOnlyList<string> ReferralRoutes, int RadiusKm);

    public static OrukTermMapping Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var terms = new Dictionary<string, IReadOnlyList<(TermSet, string)>>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("terms", out var entries))
        {
            foreach (var entry in entries.EnumerateObject())
            {
                terms[entry.Name.Trim()] = entry.Value.EnumerateArray().Select(v => Parse(v.GetString(), entry.Name)).ToList();
            }
        }

        var d = root.GetProperty("defaults");
        var defaults = new ImportDefaults(
            d.GetProperty("cost").GetString()!,
            d.GetProperty("capacity").GetString()!,
            d.GetProperty("evidenceLevel").GetString()!,
            d.GetProperty("formats").EnumerateArray().Select(v => v.GetString()!).ToList(),
            d.GetProperty("languages").EnumerateArray().Select(v => v.GetString()!).ToList(),
            d.GetProperty("referralRoutes").EnumerateArray().Select(v => v.GetString()!).ToList(),
            d.GetProperty("radiusKm").GetInt32());
        return new OrukTermMapping(terms, defaults);
    }

    /// <summary>The shipped mapping (db/seed/oruk-mapping.json), or the area's file when one is configured.</summary>
    public static OrukTermMapping From(ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var stream = options.MappingFile is { Length: > 0 } path
            ? File.OpenRead(path)
            : typeof(OrukTermMapping).Assembly.GetManifestResourceStream("Referral.Api.Imports.oruk-mapping.json")
              ?? throw new InvalidOperationException("The ORUK mapping file is missing from the build.");
        return Load(stream);
    }

    /// <summary>Our codes for a term; empty when it is unknown.</summary>
    public IReadOnlyList<(TermSet Vocabulary, string Code)> Resolve(string? id, string? taxonomy, string? term, string? name)
    {
        if (Guid.TryParse(id, out var guid) && OrukTaxonomies.Term(guid) is { } ours)
        {
            return [(ours.Vocabulary, ours.Term.Code)];
        }

        var vocabulary = taxonomy is null ? null : OrukTaxonomies.Vocabulary(taxonomy.StartsWith(OrukTaxonomies.UriPrefix, StringComparison.Ordinal) ? taxonomy[OrukTaxonomies.UriPrefix.Length..] : taxonomy);
        if (vocabulary is not null && vocabulary.Contains(term))
        {
            return [(vocabulary, term!)];
        }

        foreach (var key in new[] { id, taxonomy is null ? null : $"{taxonomy}/{term ?? name}", term, name })
        {
            if (key is not null && _terms.TryGetValue(key.Trim(), out var mapped))
            {
                return mapped;
            }
        }

        return [];
    }

    private static (TermSet, string) Parse(string? entry, string term)
    {
        var parts = (entry ?? string.Empty).Split(':', 2);
        var vocabulary = parts.Length == 2 ? OrukTaxonomies.Vocabulary(parts[0]) : null;
        if (vocabulary is null || !vocabulary.Contains(parts[1]))
        {
            throw new InvalidOperationException($"The ORUK mapping maps '{term}' to '{entry}', which is not a 'vocabulary:code' of the directory's vocabularies.");
        }

        return (vocabulary, parts[1]);
    }
}
