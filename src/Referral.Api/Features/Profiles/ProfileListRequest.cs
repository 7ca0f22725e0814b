using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Referral.Api.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Referral.Api.Features.Profiles;

/// <summary>The query string of GET /v1/profiles.</summary>
public sealed record ProfileListRequest
{
    [MaxLength(64)]
    [FromQuery(Name = "patientRef")]
    [Description("Only the profile with this patient reference (exact match).")]
    public string? PatientRef { get; init; }

    [Range(1, Paging.MaxPage)]

    [FromQuery(Name = "page")]
    [Description("Page number, from 1.")]
    public int? Page { get; init; }

    [Range(1, Paging.MaxPageSize), DefaultValue(Paging.DefaultPageSize)]

    [FromQuery(Name = "pageSize")]
    [Description("Items per page.")]
    public int? PageSize { get; init; }
}

/// <summary>One page of the practice's profiles.</summary>
public sealed record ProfilePage(IReadOnlyList<ProfileView> Items, int Page, int PageSize, int Total);
