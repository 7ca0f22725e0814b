using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Referral.Api.OpenApi;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Referrals;

/// <summary>A move of the referral to a new status (POST /v1/referrals/{id}/events). Rules: <see cref="StatusChangeBodyValidator"/>.</summary>
[SchemaName("StatusChangeInput")]
public sealed record StatusChangeBody
{
    [Required]
    [Description("The new status; it must be one of the referral's allowedNext.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralStatuses))]
    public string Status { get; init; } = string.Empty;

    [MaxLength(200)]
    [Description("Required for declined: not-for-me, format, time, distance, cost or other. Otherwise an optional short note, without personal details.")]
    public string? Reason { get; init; }

    [Required]
    [Description("When it happened: not in the future, not before the referral's previous event.")]
    public DateTimeOffset OccurredAt { get; init; }
}
