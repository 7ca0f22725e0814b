using Referral.Domain.Referrals;

namespace Referral.Matching.Factors;

/// <summary>
/// How the two factors that read track records (peer-recommendation, professional-endorsement)
/// are shown them, in words for the published model; TrackRecordDisclosure holds the numbers.
/// </summary>
internal static class TrackRecords
{
    private const int Floor = TrackRecordDisclosure.MinimumReferrals;
    private const int Practices = TrackRecordDisclosure.MinimumPractices;
    private const int Band = TrackRecordDisclosure.ReferralBand;
    private const int Bands = TrackRecordDisclosure.ShareBands;
    private static readonly double Hours = TrackRecordDisclosure.DefaultRefresh.TotalHours;

    /// <summary>What the factor rules say about the figures they read.</summary>
    public static readonly string AsShown =
        $"counting only other practices' closed referrals, as shown to the asking practice: to the nearest 1 in {Bands}, " +
        $"of their number rounded down to a multiple of {Band}; neutral until those number at least {Floor} from at least {Practices} practices";

    public static readonly string Rule =
        "A track record is what happened to closed referrals made to a service through Referral. The practice asking sees only what other practices' " +
        "referrals did: its own neither add to nor subtract from it, so it cannot combine what it knows with what it sees. " +
        $"Nothing is shown until other practices' closed referrals number at least {Floor} from at least {Practices} different practices; " +
        "until then peer-recommendation and the track-record part of professional-endorsement score a neutral 0.5. " +
        $"Once it is reached, the number of referrals is shown rounded down to a multiple of {Band} (\"20 or more\") and the completed and endorsed shares " +
        $"to the nearest 1 in {Bands} (\"about 6 in 10\"), and the scores are computed from those banded figures, " +
        "never from exact counts. The figures are a snapshot taken at start-up and then periodically " +
        $"(every {Hours} hours unless the operator sets another interval), not on each closure, so no change can be tied to one referral.";
}
