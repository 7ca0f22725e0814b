using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Referral.Api.OpenApi;

namespace Referral.Api.Features.Referrals;

/// <summary>
/// Why a clinician withdrew an endorsement (POST /v1/referrals/{id}/endorsement/withdrawal). The
/// domain needs only the reason, so this body has no domain record of its own.
/// </summary>
[SchemaName("WithdrawalInput")]
public sealed record WithdrawalBody
{
    // MultilineText lets ControlCharacters accept line breaks and tabs here: a reason is free text.
    [Required, MaxLength(200)]
    [Description("Why the endorsement is withdrawn, without personal details. Recorded, never deleted.")]
    [DataType(DataType.MultilineText)]
    public string Reason { get; init; } = string.Empty;
}
