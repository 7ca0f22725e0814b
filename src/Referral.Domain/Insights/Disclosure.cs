namespace Referral.Domain.Insights;

/// <summary>
/// Statistical disclosure control on every insight: a count of 1 to 7 is suppressed (too few
/// people to publish without risk of recognising one), every other count, totals included, is
/// rounded to the nearest 5, and a share, mean or difference is suppressed when any count behind
/// it is. Shares and intervals are computed from the exact counts and published to three
/// decimals; only the counts are rounded.
/// </summary>
public static class Disclosure
{
    public const int SuppressedFrom = 1;
    public const int SuppressedTo = 7;
    public const int RoundTo = 5;

    public static bool IsSuppressed(int count) => count is >= SuppressedFrom and <= SuppressedTo;

    /// <summary>The published count: null when suppressed, otherwise rounded to the nearest 5 (halves up).</summary>
    public static int? Publish(int count) =>
        IsSuppressed(count) ? null : (count + (RoundTo / 2)) / RoundTo * RoundTo;

    /// <summary>Whether a figure built on these counts may be published.</summary>
    public static bool AllShown(params int[] counts) => counts.All(c => !IsSuppressed(c));
}
