using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Referral.Api.OpenApi;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Referrals;

/// <summary>
/// A referral of one of the practice's patients (by profile) to one active service, as a GP
/// practice system sends it (POST /v1/referrals). The attributes describe the contract; the rules
/// are enforced by <see cref="ReferralBodyValidator"/>, and the body reaches the workflow through
/// <see cref="ReferralMapping"/>. The Idempotency-Key hash is taken over this record serialized,
/// so renaming or reordering its members (or its endorsement's) would make a retry of a request
/// stored before the change a 422.
/// </summary>
[SchemaName("ReferralInput")]
public sealed record ReferralBody
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
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralHandoffs))]
    public string Route { get; init; } = string.Empty;

    [Required]
    [Description("Who made the referral: gp, nurse, link-worker or self.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralSources))]
    public string Source { get; init; } = string.Empty;

    [Description("A clinician's endorsement of this service for this patient, when given with the referral.")]
    public EndorsementBody? Endorsement { get; init; }

    // Left out of the text an Idempotency-Key hashes when not sent, so a retry of a referral
    // stored before this member existed still matches its first request.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("What may go back to the patient's GP record, as agreed with the patient: full-summary (the closure summary with names, the endorsement's note and free-text reasons) or codes-only (codes, dates and identifiers; no free text, names or notes). codes-only when not given. The practice can change it later (PUT /v1/referrals/{id}/record-sharing).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.RecordSharing))]
    public string? RecordSharing { get; init; }
}
