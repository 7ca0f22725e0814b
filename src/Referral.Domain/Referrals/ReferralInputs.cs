namespace Referral.Domain.Referrals;

// Plain data: how these travel (the API's bodies) is mapped to them, so a change to the contract
// cannot reach the referral rules or storage by accident, nor the other way round.

/// <summary>A referral of one of the practice's patients (by profile) to one active service.</summary>
public sealed record ReferralInput
{
    public Guid ProfileId { get; init; }

    public Guid ServiceId { get; init; }

    /// <summary>The recommendation set the service was chosen from, when there was one.</summary>
    public Guid? RecommendationId { get; init; }

    /// <summary>signpost or direct (the practice passes the patient's contact to the service).</summary>
    public string Route { get; init; } = string.Empty;

    /// <summary>Who made the referral.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>A clinician's endorsement given with the referral, if any.</summary>
    public EndorsementInput? Endorsement { get; init; }

    /// <summary>What may go back to the GP record (GpRecord.RecordSharing); the narrower choice when not given.</summary>
    public string RecordSharing { get; init; } = GpRecord.RecordSharing.Default;
}

/// <summary>A clinician's signed statement that this service suits this patient. Never edited; it can be withdrawn.</summary>
public sealed record EndorsementInput
{
    public string ClinicianName { get; init; } = string.Empty;

    public string Role { get; init; } = string.Empty;

    /// <summary>Professional registration; null only for a link worker.</summary>
    public RegistrationInput? Registration { get; init; }

    /// <summary>Free text to the patient.</summary>
    public string? Note { get; init; }

    public DateTimeOffset EndorsedAt { get; init; }
}

/// <summary>A clinician's entry on a professional register (GMC, NMC, HCPC or GPhC).</summary>
public sealed record RegistrationInput
{
    public string Body { get; init; } = string.Empty;

    public string Number { get; init; } = string.Empty;
}

/// <summary>A move of the referral to a new status.</summary>
public sealed record StatusChangeInput
{
    public string Status { get; init; } = string.Empty;

    /// <summary>A decline's reason code, or otherwise an optional short note.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
