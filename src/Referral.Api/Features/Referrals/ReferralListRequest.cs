using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Validation;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Referrals;

/// <summary>The query string of GET /v1/referrals.</summary>
public sealed record ReferralListRequest
{
    [FromQuery(Name = "profileId")]
    [Description("Only referrals of this profile.")]
    public Guid? ProfileId { get; init; }

    [FromQuery(Name = "serviceId")]
    [Description("Only referrals to this service.")]
    public Guid? ServiceId { get; init; }

    [FromQuery(Name = "status")]
    [Description("Only referrals in this status.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralStatuses))]
    public string? Status { get; init; }

    [Range(1, Paging.MaxPage)]

    [FromQuery(Name = "page")]
    [Description("Page number, from 1.")]
    public int? Page { get; init; }

    [Range(1, Paging.MaxPageSize), DefaultValue(Paging.DefaultPageSize)]

    [FromQuery(Name = "pageSize")]
    [Description("Items per page.")]
    public int? PageSize { get; init; }
}

public sealed class ReferralListRequestValidator : AbstractValidator<ReferralListRequest>
{
    public ReferralListRequestValidator()
    {
        RuleFor(r => r.Status).In(Vocabularies.ReferralStatuses);
    }
}
