using System.ComponentModel;
using Referral.Api.OpenApi;
using Referral.Domain.Insights;

namespace Referral.Api.Features.Insights;

/// <summary>A 95% interval.</summary>
[SchemaName("InsightInterval")]
public sealed record IntervalView(double Lower, double Upper)
{
    public static IntervalView Of(Interval i) => new(Round(i.Lower), Round(i.Upper));

    public static double Round(double x) => Math.Round(x, 3, MidpointRounding.AwayFromZero);
}

/// <summary>What the insight covers, and the disclosure rules applied to it.</summary>
[SchemaName("InsightScope")]
public sealed record ScopeView(
    DateOnly From,
    DateOnly To,
    [property: Description("all-practices (an analyst key: pooled) or practice (a practice key: its own referrals only).")] string Scope,
    [property: Description("The practice (a practice key only).")] string? Practice,
    [property: Description("How many practices the figures pool (an analyst key only; rounded and suppressed like every count).")] int? Practices,
    [property: Description("Counts of 1 to 7 are suppressed (null, suppressed true); every other count is rounded to the nearest 5; a share, mean or difference is suppressed when any count behind it is. Shares and intervals come from the exact counts, to three decimals.")] string Disclosure);

/// <summary>How many of a group reached a stage: a count, the share, and its 95% Wilson interval.</summary>
[SchemaName("StageShare")]
public sealed record ShareView(int? Count, double? Share, IntervalView? Interval, bool Suppressed)
{
    public static ShareView Of(int part, int whole)
    {
        var shown = whole > 0 && Disclosure.AllShown(part, whole);
        return shown
            ? new ShareView(Disclosure.Publish(part), IntervalView.Round((double)part / whole), IntervalView.Of(Proportions.Wilson(part, whole)), false)
            : new ShareView(Disclosure.Publish(part), null, null, Disclosure.IsSuppressed(part) || Disclosure.IsSuppressed(whole));
    }
}

/// <summary>A difference (or difference of differences) with its 95% interval; null when suppressed.</summary>
[SchemaName("InsightDifference")]
public sealed record DifferenceView(double? Difference, IntervalView? Interval, bool Suppressed)
{
    public static DifferenceView Suppress() => new(null, null, true);

    public static DifferenceView Of((double Difference, Interval Interval) d) => new(IntervalView.Round(d.Difference), IntervalView.Of(d.Interval), false);
}
