using System.ComponentModel;
using Referral.Api.OpenApi;
using Referral.Data.Insights;
using Referral.Domain.Insights;
using Referral.Domain.Outcomes;

namespace Referral.Api.Features.Insights;

/// <summary>
/// ONS4 from baseline to the latest follow-up, for referrals with both: the mean change of each
/// item (follow-up minus baseline; for anxiety a fall is an improvement) with a 95% t interval
/// for paired data, by the service's main format and by cohort.
/// </summary>
[SchemaName("WellbeingChange")]
public sealed record WellbeingChange(ScopeView Scope, IReadOnlyList<WellbeingRow> Rows)
{
    public static WellbeingChange Of(ScopeView scope, IReadOnlyList<WellbeingPair> pairs)
    {
        var rows = new List<WellbeingRow>();
        void Add(string dimension, IEnumerable<IGrouping<string, WellbeingPair>> groups)
        {
            foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var n = group.Count();
                foreach (var item in Ons4.Items)
                {
                    var changes = group.Select(p => (double)(p.FollowUp[item] - p.Baseline[item])).ToList();
                    var shown = n >= 2 && !Disclosure.IsSuppressed(n);
                    rows.Add(shown && MeanChange.Of(changes) is var (mean, interval)
                        ? new WellbeingRow(dimension, group.Key, item, Disclosure.Publish(n), IntervalView.Round(mean), IntervalView.Of(interval), false)
                        : new WellbeingRow(dimension, group.Key, item, Disclosure.Publish(n), null, null, Disclosure.IsSuppressed(n)));
                }
            }
        }

        Add("format", pairs.GroupBy(p => p.Format ?? FormatPersonality.NotRecorded));
        Add("cohort", pairs.GroupBy(p => p.Cohort));
        return new WellbeingChange(scope, rows);
    }
}

[SchemaName("WellbeingRow")]
public sealed record WellbeingRow(
    [property: Description("format (the service's main format) or cohort.")] string Dimension,
    string Level,
    [property: Description("lifeSatisfaction, worthwhile, happiness or anxiety.")] string Item,
    [property: Description("Referrals with a baseline and a follow-up.")] int? Pairs,
    [property: Description("Mean of follow-up minus baseline, on the 0-10 scale.")] double? MeanChange,
    IntervalView? Interval,
    bool Suppressed);
