using System.ComponentModel;
using FluentValidation;
using Referral.Api.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Referral.Api.Features.Profiles;

/// <summary>The query string of GET /v1/profiles.</summary>
public sealed record ProfileListRequest
{
    [FromQuery(Name = "patientRef")]
    [Description("Only the profile with this patient reference (exact match).")]
    public string? PatientRef { get; init; }

    [FromQuery(Name = "page")]
    [Description("Page number, from 1.")]
    public int? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Items per page, 1-100 (default 20).")]
    public int? PageSize { get; init; }
}

public sealed class ProfileListRequestValidator : AbstractValidator<ProfileListRequest>
{
    public ProfileListRequestValidator()
    {
        RuleFor(r => r.PatientRef).MaximumLength(64);
        RuleFor(r => r.Page).ValidPage();
        RuleFor(r => r.PageSize).ValidPageSize();
    }
}

/// <summary>One page of the practice's profiles.</summary>
public sealed record ProfilePage(IReadOnlyList<ProfileView> Items, int Page, int PageSize, int Total);
