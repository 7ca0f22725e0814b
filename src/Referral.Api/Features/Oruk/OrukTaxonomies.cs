using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Oruk;

/// <summary>
/// Our vocabularies as ORUK taxonomies: each vocabulary a taxonomy, each code a term, with ids
/// derived from the vocabulary's name and the code (<see cref="StableIds"/>), so they never change
/// while the code does not. A term's "term" is our code, which is what an importer maps on.
/// </summary>
public static class OrukTaxonomies
{
    /// <summary>The URI prefix of our vocabularies, as FHIR's facade names them too.</summary>
    public const string UriPrefix = "urn:referral:vocabulary:";

    /// <summary>The vocabularies a service's attributes are coded with, in the order the feed lists them.</summary>
    public static readonly IReadOnlyList<TermSet> Published =
    [
        Vocabularies.Conditions,
        Vocabularies.Communities,
        Formats.Terms,
        Vocabularies.AccessibilityFeatures,
        Vocabularies.ScheduleSlots,
        Vocabularies.Costs,
        Vocabularies.CapacityStatuses,
        Vocabularies.EvidenceLevels,
        Vocabularies.ReferralRoutes,
        // Quality marks the directory keeps as yes-or-no fields, published as a taxonomy of their
        // own. Not a code list the /v1 API takes, so not one of /v1/vocabularies.
        new TermSet("qualityMarks",
        [
            new(OrukMapping.TrainedFacilitators, "Facilitators are trained"),
            new(OrukMapping.SafeguardingPolicy, "Has a safeguarding policy"),
        ]),
    ];

    /// <summary>The qualityMarks taxonomy (the last published).</summary>
    public static TermSet QualityMarks => Published[^1];

    private static readonly Dictionary<Guid, TermSet> ByTaxonomyId = Published.ToDictionary(v => StableIds.Taxonomy(v.Name));

    private static readonly Dictionary<Guid, (TermSet Vocabulary, Term Term)> ByTermId = Published
        .SelectMany(v => v.Terms.Select(t => (Id: StableIds.Term(v.Name, t.Code), v, t)))
        .ToDictionary(x => x.Id, x => (x.v, x.t));

    public static IEnumerable<(TermSet Vocabulary, Term Term)> AllTerms => Published.SelectMany(v => v.Terms.Select(t => (v, t)));

    public static TermSet? Taxonomy(Guid id) => ByTaxonomyId.GetValueOrDefault(id);

    public static (TermSet Vocabulary, Term Term)? Term(Guid id) => ByTermId.TryGetValue(id, out var found) ? found : null;

    public static TermSet? Vocabulary(string name) => Published.FirstOrDefault(v => v.Name == name);
}
