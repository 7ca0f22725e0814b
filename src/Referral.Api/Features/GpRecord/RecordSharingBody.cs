using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Referral.Api.OpenApi;
using Referral.Api.Validation;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.GpRecord;

/// <summary>
/// The practice's change to what may go back to the GP record (PUT /v1/referrals/{id}/record-sharing),
/// for example when the patient withdraws agreement to share the full summary.
/// </summary>
[SchemaName("RecordSharingInput")]
public sealed record RecordSharingBody
{
    [Required]
    [Description("full-summary (the closure summary with names, the endorsement's note and free-text reasons) or codes-only (codes, dates and identifiers; no free text, names or notes).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.RecordSharing))]
    public string RecordSharing { get; init; } = string.Empty;
}

public sealed class RecordSharingBodyValidator : AbstractValidator<RecordSharingBody>
{
    public RecordSharingBodyValidator() => RuleFor(b => b.RecordSharing).NotEmpty().In(Vocabularies.RecordSharing);
}
