using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Validation;
using Referral.Domain.Geography;

namespace Referral.Api.Features.Oruk;

/// <summary>The query string of GET /oruk/services, named as ORUK 3.0 names it.</summary>
public sealed record OrukServiceListRequest
{
    [MaxLength(100)]
    [Description("Words to find in the name, description or organisation name, as q does on /v1/services.")]
    [FromQuery(Name = "search")]
    public string? Search { get; init; }

    [Range(1, Paging.MaxPage)]
    [Description("Page number, from 1.")]
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [Range(1, Paging.MaxPageSize), DefaultValue(Paging.DefaultPageSize)]
    [Description("Services per page.")]
    [FromQuery(Name = "per_page")]
    public int? PerPage { get; init; }

    [Description("Only services with this taxonomy term (GET /oruk/taxonomy_terms): a term of conditions, communities or formats.")]
    [FromQuery(Name = "taxonomy_term_id")]
    public Guid? TaxonomyTermId { get; init; }

    [Description("Only services with any term of this taxonomy (GET /oruk/taxonomies): conditions, communities or formats.")]
    [FromQuery(Name = "taxonomy_id")]
    public Guid? TaxonomyId { get; init; }

    [Description("Only services run by this organization (GET /oruk/organizations).")]
    [FromQuery(Name = "organization_id")]
    public Guid? OrganizationId { get; init; }

    [Description("Only services changed at or after this date-time (ISO 8601, with its offset).")]
    [FromQuery(Name = "modified_after")]
    public DateTimeOffset? ModifiedAfter { get; init; }

    [Description("true: each service as its id and last_modified only.")]
    [FromQuery(Name = "minimal")]
    public bool? Minimal { get; init; }

    [Description("true: each service fully nested, as GET /oruk/services/{id} gives it.")]
    [FromQuery(Name = "full")]
    public bool? Full { get; init; }

    [Description("A UK postcode or postcode district: with proximity, only services with a venue within that many metres, nearest first.")]
    [FromQuery(Name = "postcode")]
    public string? Postcode { get; init; }

    [Range(1.0, 200_000.0), DefaultValue(DefaultProximityMetres)]
    [Description("Search radius for postcode, in metres.")]
    [FromQuery(Name = "proximity")]
    public double? Proximity { get; init; }

    public const double DefaultProximityMetres = 25_000;
}

public sealed class OrukServiceListRequestValidator : AbstractValidator<OrukServiceListRequest>
{
    public OrukServiceListRequestValidator(PostcodeDistricts districts)
    {
        RuleFor(r => r.Postcode)
            .Must(p => districts.TryLocate(p, out _, out _))
            .WithMessage("'postcode' must be a UK postcode or postcode district that exists, such as 'LS1 4AP' or 'LS1'.")
            .When(r => r.Postcode is not null);
        RuleFor(r => r.Proximity).Null().When(r => r.Postcode is null).WithMessage("'proximity' only applies with 'postcode'.");
        RuleFor(r => r.TaxonomyTermId)
            .Must(id => OrukFilters.KindOfTerm(id!.Value) is not null)
            .WithMessage("'taxonomy_term_id' must be a term of the conditions, communities or formats taxonomy (GET /oruk/taxonomy_terms); the feed filters on those.")
            .When(r => r.TaxonomyTermId is not null);
        RuleFor(r => r.TaxonomyId)
            .Must(id => OrukFilters.KindOfTaxonomy(id!.Value) is not null)
            .WithMessage("'taxonomy_id' must be the conditions, communities or formats taxonomy (GET /oruk/taxonomies); the feed filters on those.")
            .When(r => r.TaxonomyId is not null);
        RuleFor(r => r.Full).Null().When(r => r.Minimal == true).WithMessage("'full' and 'minimal' cannot both be given.");
    }
}
