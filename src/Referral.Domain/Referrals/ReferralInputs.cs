using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Referral.Domain.Referrals;

/// <summary>A referral of one of the practice's patients (by profile) to one active service.</summary>
public sealed record ReferralInput
{
    [Required]
    [Description("The practice's profile of the patient being referred.")]
    public Guid ProfileId { get; init; }

    [Required]
    [Description("The service referred to. It must be active.")]
    public Guid ServiceId { get; init; }

    [Description("The recommendation set the service was chosen from, when there was one. It must be for the same profile.")]
    public Guid? RecommendationId { get; init; }

    [Required]
    [Description("signpost: the patient contacts the service. direct: the practice passes the patient's contact to the service, which needs consent.shareWithProvider.")]
    public string Route { get; init; } = string.Empty;

    [Required]
    [Description("Who made the referral: gp, nurse, link-worker or self.")]
    public string Source { get; init; } = string.Empty;

    [Description("A clinician's endorsement of this service for this patient, when given with the referral.")]
    public EndorsementInput? Endorsement { get; init; }
}

/// <summary>A clinician's signed statement that this service suits this patient. Never edited; it can be withdrawn.</summary>
public sealed record EndorsementInput
{
    [Required, MaxLength(100)]
    [Description("The endorsing clinician's name, as the patient knows them.")]
    public string ClinicianName { get; init; } = string.Empty;

    [Required]
    [Description("gp, nurse, pharmacist, link-worker or other.")]
    public string Role { get; init; } = string.Empty;

    [Description("Professional registration: required for every role but link-worker. A GP is on the GMC register, a nurse on the NMC's, a pharmacist on the GPhC's.")]
    public RegistrationInput? Registration { get; init; }

    [MaxLength(500)]
    [Description("An optional note to the patient, e.g. why the clinician thinks this will help.")]
    [DataType(DataType.MultilineText)]
    public string? Note { get; init; }

    [Required]
    [Description("When the clinician endorsed the service (not in the future).")]
    public DateTimeOffset EndorsedAt { get; init; }
}

public sealed record RegistrationInput
{
    [Required]
    [Description("gmc (7 digits), nmc (e.g. 01A2345N), hcpc (e.g. PA12345) or gphc (7 digits).")]
    public string Body { get; init; } = string.Empty;

    [Required, MaxLength(12)]
    public string Number { get; init; } = string.Empty;
}

/// <summary>A move of the referral to a new status.</summary>
public sealed record StatusChangeInput
{
    [Required]
    [Description("The new status; it must be one of the referral's allowedNext.")]
    public string Status { get; init; } = string.Empty;

    [MaxLength(200)]
    [Description("Required for declined: not-for-me, format, time, distance, cost or other. Otherwise an optional short note, without personal details.")]
    public string? Reason { get; init; }

    [Required]
    [Description("When it happened: not in the future, not before the referral's previous event.")]
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Why a clinician withdrew an endorsement.</summary>
public sealed record WithdrawalInput
{
    [Required, MaxLength(200)]
    [Description("Why the endorsement is withdrawn, without personal details. Recorded, never deleted.")]
    [DataType(DataType.MultilineText)]
    public string Reason { get; init; } = string.Empty;
}
