using System.ComponentModel;
using Referral.Api.OpenApi;
using Referral.Data.Insights;
using Referral.Domain.Insights;
using Referral.Domain.Personality;

namespace Referral.Api.Features.Insights;

/// <summary>
/// Would people who are not looking for social interaction do better with other formats? Uptake
/// (reached started) and completion by the service's main format, by TIPI extraversion band,
/// and by UCLA-3 loneliness, each a margin over everything else.
/// </summary>
[SchemaName("FormatPersonality")]
public sealed record FormatPersonality(ScopeView Scope, IReadOnlyList<FormatPersonalityRow> Rows)
{
    public const string NotRecorded = "not-recorded";

    public static FormatPersonality Of(ScopeView scope, IReadOnlyList<UptakeCell> cells)
    {
        var rows = new List<FormatPersonalityRow>();
        void Add(string dimension, IEnumerable<IGrouping<string, UptakeCell>> groups, IReadOnlyList<string> order) =>
            rows.AddRange(groups
                .OrderBy(g => order.Contains(g.Key) ? order.ToList().IndexOf(g.Key) : order.Count).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(dimension, g.Key, g.Sum(c => c.Referred), g.Sum(c => c.Started), g.Sum(c => c.Completed))));

        Add("format", cells.GroupBy(c => c.Format ?? NotRecorded), Referral.Domain.Vocabulary.Formats.All.Select(f => f.Code).ToList());
        Add("extraversion", cells.GroupBy(c => c.ExtraversionBand ?? NotRecorded), ExtraversionBands.All);
        Add("loneliness", cells.GroupBy(c => c.Lonely switch { true => "lonely", false => "not-lonely", null => NotRecorded }), ["lonely", "not-lonely"]);
        return new FormatPersonality(scope, rows);
    }

    private static FormatPersonalityRow Row(string dimension, string level, int referred, int started, int completed) =>
        new(dimension, level, Disclosure.Publish(referred), Disclosure.IsSuppressed(referred), ShareView.Of(started, referred), ShareView.Of(completed, referred));
}

[SchemaName("FormatPersonalityRow")]
public sealed record FormatPersonalityRow(
    [property: Description("format (the service's main format), extraversion (TIPI band: reserved up to 3.0, middle, outgoing from 5.0) or loneliness (UCLA-3 sum 6 or more is lonely).")] string Dimension,
    [property: Description("The format code, band, lonely or not-lonely; not-recorded when the patient did not answer.")] string Level,
    int? Referred,
    bool Suppressed,
    [property: Description("Reached started: the support was taken up.")] ShareView Started,
    ShareView Completed);
