using Referral.Domain.Referrals;

namespace Referral.Data.Referrals;

/// <summary>
/// What the referral rules judge a new referral by, read inside the transaction that stores it,
/// so that nothing (a retire, an erasure, a change of consent) can slip between check and write.
/// </summary>
/// <param name="ProfileVersion">The practice's profile's current version; null when it is gone or not the practice's.</param>
/// <param name="ServiceStatus">The service's status; null when there is no such service.</param>
/// <param name="RecommendationProfileId">The profile of the practice's recommendation set named; null when none was named or found.</param>
public sealed record ReferralParties(int? ProfileVersion, string? ServiceStatus, Guid? RecommendationProfileId);

/// <summary>A referral as it stands inside the transaction that may change it, with its service's status (null if none).</summary>
public sealed record ReferralSnapshot(ReferralRecord Referral, string? ServiceStatus);

/// <summary>What the referral rules decided to do to a referral; the repository applies it, with its audit row, in the same transaction.</summary>
public abstract record ReferralAmendment
{
    /// <summary>Append this status to the history.</summary>
    public sealed record Move(StatusChangeInput Change) : ReferralAmendment;

    public sealed record Endorse(EndorsementInput Endorsement) : ReferralAmendment;

    public sealed record WithdrawEndorsement(string Reason) : ReferralAmendment;

    /// <summary>Change what may go back to the GP record.</summary>
    public sealed record ShareWithRecord(string RecordSharing) : ReferralAmendment;

    /// <summary>Change nothing, and answer this.</summary>
    public sealed record Refuse(ReferralChange Outcome) : ReferralAmendment;
}
