using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Referral.Api.OpenApi;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Referrals;

/// <summary>
/// A clinician's signed statement that this service suits this patient, sent with a referral or
/// on its own (POST /v1/referrals/{id}/endorsement). Never edited; it can be withdrawn. Rules:
/// <see cref="EndorsementBodyValidator"/>.
/// </summary>
[SchemaName("EndorsementInput")]
public sealed record EndorsementBody
{
    [Required, MaxLength(100)]
    [Description("The endorsing clinician's name, as the patient knows them.")]
    public string ClinicianName { get; init; } = string.Empty;

    [Required]
    [Description("gp, nurse, pharmacist, link-worker or other.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ClinicianRoles))]
    public string Role { get; init; } = string.Empty;

    [Description("Professional registration: required for every role but link-worker. A GP is on the GMC register, a nurse on the NMC's, a pharmacist on the GPhC's.")]
    public RegistrationBody? Registration { get; init; }

    // MultilineText lets ControlCharacters accept line breaks and tabs here: a note is free text.
    [MaxLength(500)]
    [Description("An optional note to the patient, e.g. why the clinician thinks this will help.")]
    [DataType(DataType.MultilineText)]
    public string? Note { get; init; }

    [Required]
    [Description("When the clinician endorsed the service (not in the future).")]
    public DateTimeOffset EndorsedAt { get; init; }
}

/// <summary>A clinician's registration; also how a referral's endorsement shows it (EndorsementView), under the same schema.</summary>
[SchemaName("RegistrationInput")]
public sealed record RegistrationBody
{
    [Required]
    [Description("gmc (7 digits), nmc (e.g. 01A2345N), hcpc (e.g. PA12345) or gphc (7 digits).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.RegistrationBodies))]
    public string Body { get; init; } = string.Empty;

    [Required, MaxLength(12)]
    public string Number { get; init; } = string.Empty;
}
