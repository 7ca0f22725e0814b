using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Validation;
using Referral.Domain.Geography;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Services;

/// <summary>The query string of GET /v1/services.</summary>
public sealed record ServiceListRequest
{
    [MaxLength(100)]
    [Description("Words to find in the name, description or organisation name: each word of q must start a word there ('bereav' finds 'Bereavement'), whatever its case or accents ('cafe' finds 'Café'); punctuation only separates words. Ranks the results unless near is given.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [Description("Only services supporting this condition (vocabulary: conditions).")]
    [FromQuery(Name = "condition")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Conditions))]
    public string? Condition { get; init; }

    [Description("Only services for this community (vocabulary: communities).")]
    [FromQuery(Name = "community")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Communities))]
    public string? Community { get; init; }

    [Description("Only services offering this format (vocabulary: formats).")]
    [FromQuery(Name = "format")]
    [Vocabulary(typeof(Formats), nameof(Formats.Terms))]
    public string? Format { get; init; }

    [Description("Only services offered in this language (ISO 639-1).")]
    [FromQuery(Name = "language")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Languages))]
    public string? Language { get; init; }

    [Description("A UK postcode or postcode district: only services with a venue within radiusKm, nearest first.")]
    [FromQuery(Name = "near")]
    public string? Near { get; init; }

    [Range(1.0, 200.0), DefaultValue(DefaultRadiusKm)]
    [Description("Search radius for near, in km.")]
    [FromQuery(Name = "radiusKm")]
    public double? RadiusKm { get; init; }

    [DefaultValue(ServiceBody.DefaultStatus)]
    [Description("active (the default), paused or closed.")]
    [FromQuery(Name = "status")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ServiceStatuses))]
    public string? Status { get; init; }

    [Range(1, Paging.MaxPage)]

    [Description("Page number, from 1.")]
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [Range(1, Paging.MaxPageSize), DefaultValue(Paging.DefaultPageSize)]

    [Description("Items per page.")]
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    public const double DefaultRadiusKm = 25;
}

public sealed class ServiceListRequestValidator : AbstractValidator<ServiceListRequest>
{
    public ServiceListRequestValidator(PostcodeDistricts districts)
    {
        RuleFor(r => r.Condition).In(Vocabularies.Conditions);
        RuleFor(r => r.Community).In(Vocabularies.Communities);
        RuleFor(r => r.Format).In(Formats.Terms);
        RuleFor(r => r.Language).In(Vocabularies.Languages);
        RuleFor(r => r.Status).In(Vocabularies.ServiceStatuses);
        RuleFor(r => r.Near)
            .Must(n => districts.TryLocate(n, out _, out _))
            .WithMessage("'near' must be a UK postcode or postcode district that exists, such as 'LS1 4AP' or 'LS1'.")
            .When(r => r.Near is not null);
        RuleFor(r => r.RadiusKm).Null().When(r => r.Near is null).WithMessage("'radiusKm' only applies with 'near'.");
    }
}
