using Referral.Api.Search;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Oruk;

/// <summary>The feed's taxonomy filters, in terms of what the directory's search index filters on.</summary>
public static class OrukFilters
{
    public static CodeKind? KindOfTaxonomy(Guid taxonomyId) => KindOf(OrukTaxonomies.Taxonomy(taxonomyId));

    public static CodeKind? KindOfTerm(Guid termId) => OrukTaxonomies.Term(termId) is { } found ? KindOf(found.Vocabulary) : null;

    /// <summary>The query with the term's code in the filter of its vocabulary.</summary>
    public static DirectoryQuery WithTerm(DirectoryQuery query, Guid termId)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (vocabulary, term) = OrukTaxonomies.Term(termId)!.Value;
        return KindOf(vocabulary) switch
        {
            CodeKind.Condition => query with { Condition = term.Code },
            CodeKind.Community => query with { Community = term.Code },
            _ => query with { Format = term.Code },
        };
    }

    private static CodeKind? KindOf(TermSet? vocabulary) =>
        ReferenceEquals(vocabulary, Vocabularies.Conditions) ? CodeKind.Condition
        : ReferenceEquals(vocabulary, Vocabularies.Communities) ? CodeKind.Community
        : ReferenceEquals(vocabulary, Formats.Terms) ? CodeKind.Format
        : null;
}
