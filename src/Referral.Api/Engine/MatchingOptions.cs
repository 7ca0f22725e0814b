using Referral.Domain.Referrals;

namespace Referral.Api.Engine;

/// <summary>The "Matching" configuration section.</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>
    /// How often track records are recomputed (besides at start-up). Long enough that many
    /// referrals close between snapshots, so a change cannot be tied to one of them.
    /// </summary>
    public TimeSpan TrackRecordRefresh { get; set; } = TrackRecordDisclosure.DefaultRefresh;
}
