namespace Referral.Domain.Referrals;

/// <summary>
/// What a practice may be shown of a service's track record (what happened to past referrals
/// there), and how coarsely. A practice knows its own referrals and can watch what it is shown
/// over time, so the figures must never let it work out what happened to another practice's
/// patient: they count other practices' referrals only (never its own, which it could subtract),
/// nothing is shown until many referrals from several practices pool together, what is shown is
/// banded (the scores too, not just the words), and figures change only at periodic snapshots,
/// so a change cannot be tied to one closure.
/// </summary>
public static class TrackRecordDisclosure
{
    /// <summary>Other practices' closed referrals needed before anything is shown; one patient then moves a share by a tenth at most.</summary>
    public const int MinimumReferrals = 10;

    /// <summary>
    /// Distinct other practices those referrals must come from: with one or two, a practice that
    /// knows (or colludes with) the other could still single out its patients.
    /// </summary>
    public const int MinimumPractices = 3;

    /// <summary>
    /// Numbers of referrals are shown rounded down to a multiple of this ("20 or more"). A
    /// multiple of <see cref="ShareBands"/>, so that a banded share of a banded number is a whole
    /// number of referrals, which the scores are computed from.
    /// </summary>
    public const int ReferralBand = 10;

    /// <summary>Shares are shown to the nearest 1 / ShareBands: tenths ("about 6 in 10").</summary>
    public const int ShareBands = 10;

    /// <summary>How often track records are recomputed by default, besides at start-up.</summary>
    public static readonly TimeSpan DefaultRefresh = TimeSpan.FromHours(24);

    /// <summary>
    /// The shortest interval allowed. Snapshots blur changes only if many referrals close between
    /// two of them: taken every few seconds, a practice comparing its sets could tie a change
    /// to a single closure elsewhere.
    /// </summary>
    public static readonly TimeSpan MinimumRefresh = TimeSpan.FromHours(1);

    public static bool IsShown(int referrals, int practices) =>
        referrals >= MinimumReferrals && practices >= MinimumPractices;

    public static int BandReferrals(int referrals) => referrals / ReferralBand * ReferralBand;

    /// <summary>part / whole to the nearest 1 / ShareBands, halves rounded up, in whole bands (0 to ShareBands); 0 when whole is 0.</summary>
    public static int BandShare(int part, int whole) =>
        whole <= 0 ? 0 : (int)((2L * ShareBands * part + whole) / (2L * whole));
}
