using Referral.Domain.Referrals;

namespace Referral.Data.Referrals;

/// <summary>A referral about to be stored, with everything decided by the caller.</summary>
public sealed record NewReferral(
    Guid Id,
    string OdsCode,
    Guid ProfileId,
    Guid ServiceId,
    Guid? RecommendationId,
    string Route,
    string Source,
    string Cohort,
    string AgeBand,
    EndorsementInput? Endorsement,
    DateTimeOffset Now)
{
    /// <summary>What may go back to the GP record (GpRecord.RecordSharing).</summary>
    public string RecordSharing { get; init; } = Domain.GpRecord.RecordSharing.Default;

    /// <summary>The patient's TIPI extraversion band, kept for the insights; null when not answered.</summary>
    public string? ExtraversionBand { get; init; }

    /// <summary>Whether UCLA-3 read as lonely, kept for the insights; null when not answered.</summary>
    public bool? Lonely { get; init; }
}

/// <summary>What making a referral came to: exactly one of these.</summary>
public abstract record ReferralCreation
{
    public sealed record Created(ReferralRecord Referral) : ReferralCreation;

    /// <summary>Another request stored this Idempotency-Key first; nothing was stored.</summary>
    public sealed record IdempotencyKeyTaken : ReferralCreation;

    /// <summary>The profile was erased (or never was the practice's) by the time of the write.</summary>
    public sealed record ProfileGone : ReferralCreation;

    /// <summary>The profile changed after the rules were checked against it; nothing was stored.</summary>
    public sealed record ProfileChanged : ReferralCreation;

    /// <summary>A direct referral without the patient's consent.shareWithProvider.</summary>
    public sealed record ConsentNeeded : ReferralCreation;

    /// <summary>No such service (null), or one that is not active.</summary>
    public sealed record ServiceUnavailable(string? Status) : ReferralCreation;

    /// <summary>The recommendation set is not the practice's, or is for another profile.</summary>
    public sealed record UnknownRecommendation : ReferralCreation;
}

/// <summary>What a change to a referral did: exactly one of these.</summary>
public abstract record ReferralChange
{
    public sealed record Done(ReferralRecord Referral) : ReferralChange;

    public sealed record NotFound : ReferralChange;

    /// <summary>The move is not allowed from the current status.</summary>
    public sealed record NotAllowed(string CurrentStatus, IReadOnlyList<string> AllowedNext) : ReferralChange;

    /// <summary>The change is dated before the referral's latest event.</summary>
    public sealed record OutOfOrder(DateTimeOffset Latest) : ReferralChange;

    public sealed record VersionMismatch(int CurrentVersion) : ReferralChange;

    /// <summary>The patient's profile has been erased: the referral is kept for statistics only.</summary>
    public sealed record ProfileErased : ReferralChange;

    /// <summary>The referred service has been retired from the directory.</summary>
    public sealed record ServiceClosed : ReferralChange;

    /// <summary>The endorsement part of the referral is not in a state for this (e.g. already endorsed).</summary>
    public sealed record EndorsementConflict(string Detail) : ReferralChange;
}

/// <summary>Filters of the referral listing; null means "any".</summary>
public sealed record ReferralQuery(Guid? ProfileId, Guid? ServiceId, string? Status, int Page, int PageSize)
{
    /// <summary>Only referrals of the practice's profile with this NHS number (ten digits, normalised).</summary>
    public string? NhsNumber { get; init; }

    /// <summary>Only referrals in one of these statuses (the FHIR facade maps one FHIR status to several of ours).</summary>
    public IReadOnlyList<string>? Statuses { get; init; }

    /// <summary>Only this referral (the FHIR facade's Task search by focus).</summary>
    public Guid? Id { get; init; }
}

/// <summary>
/// What happened to one practice's closed referrals to one service, for the engine's track
/// records: kept per practice so that each practice can be shown the others' figures alone.
/// </summary>
public sealed record PracticeOutcomes
{
    public Guid ServiceId { get; init; }

    public string OdsCode { get; init; } = string.Empty;

    /// <summary>Referrals that reached a final status (always at least one).</summary>
    public int Closed { get; init; }

    public int Completed { get; init; }

    /// <summary>Closed referrals whose endorsement stands (not withdrawn).</summary>
    public int Endorsed { get; init; }
}
