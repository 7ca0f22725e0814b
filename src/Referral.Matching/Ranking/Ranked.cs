using Referral.Matching.Constraints;

namespace Referral.Matching.Ranking;

/// <summary>An eligible candidate's place in the ranking: its total, its id for ties, and what it offers the patient (kept for the explanation).</summary>
internal readonly record struct Ranked(double Total, Guid ServiceId, int Index, Offer Offer)
{
    public int Formats => Offer.Formats;

    /// <summary>
    /// Higher total first; equal totals by service id (Guid.CompareTo, the order of the ids'
    /// canonical text), so the same inputs always give the same order.
    /// </summary>
    public bool IsBetterThan(in Ranked other) =>
        Total > other.Total || (Total == other.Total && ServiceId.CompareTo(other.ServiceId) < 0);

    public static int BestFirst(Ranked a, Ranked b) => a.IsBetterThan(b) ? -1 : b.IsBetterThan(a) ? 1 : 0;
}
