using Referral.Domain.Referrals;

namespace Referral.Matching.Compiled;

/// <summary>
/// The part of a track record a practice is shown: nothing below TrackRecordDisclosure's floor,
/// else the number of referrals rounded down to its band and the completed and endorsed shares
/// to the nearest band, held as the whole numbers of referrals they stand for. The factor
/// scores are computed from these, never from the exact counts, so a score tells a practice
/// nothing that the words do not.
/// </summary>
internal readonly record struct DisclosedRecord(int Referrals, int Completed, int Endorsed)
{
    public bool Shown => Referrals > 0;

    /// <summary>The completed share in bands of 1 / TrackRecordDisclosure.ShareBands (tenths).</summary>
    public int CompletedBands => Bands(Completed);

    public int EndorsedBands => Bands(Endorsed);

    public static DisclosedRecord Of(TrackRecord record)
    {
        record.Validate();
        if (!TrackRecordDisclosure.IsShown(record.Referrals, record.Practices))
        {
            return default;
        }

        var referrals = TrackRecordDisclosure.BandReferrals(record.Referrals);
        return new DisclosedRecord(
            referrals,
            Part(TrackRecordDisclosure.BandShare(record.Completed, record.Referrals), referrals),
            Part(TrackRecordDisclosure.BandShare(record.Endorsed, record.Referrals), referrals));
    }

    // Exact: the referral band is a multiple of the number of share bands.
    private static int Part(int bands, int referrals) => bands * referrals / TrackRecordDisclosure.ShareBands;

    private int Bands(int part) => Shown ? part * TrackRecordDisclosure.ShareBands / Referrals : 0;
}
