using System.Text.Json.Serialization;

namespace Referral.Api.Features.Oruk;

// The ORUK 3.0 (HSDS-UK) shapes the feed publishes and the importer reads, named as the standard
// names them. Every optional member is nullable and the feed writes no nulls, so a field without a
// value is left out, as the compliance criteria ask; an empty list is null for the same reason.

public sealed record OrukApiDetails(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("openapi_url")] string OpenApiUrl);

/// <summary>The ORUK page envelope.</summary>
public sealed record OrukPage<T>(
    [property: JsonPropertyName("total_items")] int TotalItems,
    [property: JsonPropertyName("total_pages")] int TotalPages,
    [property: JsonPropertyName("page_number")] int PageNumber,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("first_page")] bool FirstPage,
    [property: JsonPropertyName("last_page")] bool LastPage,
    [property: JsonPropertyName("empty")] bool Empty,
    [property: JsonPropertyName("contents")] IReadOnlyList<T> Contents);

public sealed record OrukService
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("organization_id")] public string? OrganizationId { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("accreditations")] public string? Accreditations { get; init; }
    [JsonPropertyName("minimum_age")] public int? MinimumAge { get; init; }
    [JsonPropertyName("maximum_age")] public int? MaximumAge { get; init; }
    [JsonPropertyName("assured_date")] public string? AssuredDate { get; init; }
    [JsonPropertyName("alert")] public string? Alert { get; init; }
    [JsonPropertyName("last_modified")] public DateTimeOffset? LastModified { get; init; }
    [JsonPropertyName("organization")] public OrukOrganization? Organization { get; init; }
    [JsonPropertyName("service_at_locations")] public IReadOnlyList<OrukServiceAtLocation>? ServiceAtLocations { get; init; }
    [JsonPropertyName("schedules")] public IReadOnlyList<OrukSchedule>? Schedules { get; init; }
    [JsonPropertyName("languages")] public IReadOnlyList<OrukLanguage>? Languages { get; init; }
    [JsonPropertyName("cost_options")] public IReadOnlyList<OrukCostOption>? CostOptions { get; init; }
    [JsonPropertyName("contacts")] public IReadOnlyList<OrukContact>? Contacts { get; init; }
    [JsonPropertyName("service_areas")] public IReadOnlyList<OrukServiceArea>? ServiceAreas { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<OrukAttributeLink>? Attributes { get; init; }
}

public sealed record OrukOrganization
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("website")] public string? Website { get; init; }
    [JsonPropertyName("organization_identifiers")] public IReadOnlyList<OrukOrganizationIdentifier>? OrganizationIdentifiers { get; init; }
    [JsonPropertyName("services")] public IReadOnlyList<OrukService>? Services { get; init; }
}

public sealed record OrukOrganizationIdentifier
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("organization_id")] public string? OrganizationId { get; init; }
    [JsonPropertyName("identifier_scheme")] public string? IdentifierScheme { get; init; }
    [JsonPropertyName("identifier_type")] public required string IdentifierType { get; init; }
    [JsonPropertyName("identifier")] public required string Identifier { get; init; }
}

public sealed record OrukServiceAtLocation
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("service_id")] public string? ServiceId { get; init; }
    [JsonPropertyName("location_id")] public string? LocationId { get; init; }
    [JsonPropertyName("location")] public OrukLocation? Location { get; init; }
    [JsonPropertyName("service")] public OrukService? Service { get; init; }
}

public sealed record OrukLocation
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("location_type")] public required string LocationType { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("latitude")] public double? Latitude { get; init; }
    [JsonPropertyName("longitude")] public double? Longitude { get; init; }
    [JsonPropertyName("addresses")] public IReadOnlyList<OrukAddress>? Addresses { get; init; }
    [JsonPropertyName("accessibility")] public IReadOnlyList<OrukAccessibility>? Accessibility { get; init; }
}

public sealed record OrukAddress
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("location_id")] public string? LocationId { get; init; }
    [JsonPropertyName("address_1")] public required string Address1 { get; init; }
    [JsonPropertyName("city")] public required string City { get; init; }
    [JsonPropertyName("state_province")] public required string StateProvince { get; init; }
    [JsonPropertyName("postal_code")] public required string PostalCode { get; init; }
    [JsonPropertyName("country")] public required string Country { get; init; }
    [JsonPropertyName("address_type")] public required string AddressType { get; init; }
}

public sealed record OrukAccessibility
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("location_id")] public string? LocationId { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("accessibility")] public string? Accessibility { get; init; }
}

public sealed record OrukSchedule
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("service_id")] public string? ServiceId { get; init; }
    [JsonPropertyName("freq")] public string? Freq { get; init; }
    [JsonPropertyName("byday")] public string? ByDay { get; init; }
    [JsonPropertyName("opens_at")] public string? OpensAt { get; init; }
    [JsonPropertyName("closes_at")] public string? ClosesAt { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("attending_type")] public string? AttendingType { get; init; }
}

public sealed record OrukLanguage
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("service_id")] public string? ServiceId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
}

public sealed record OrukCostOption
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("service_id")] public string? ServiceId { get; init; }
    [JsonPropertyName("option")] public string? Option { get; init; }
    [JsonPropertyName("amount_description")] public string? AmountDescription { get; init; }
}

public sealed record OrukContact
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("service_id")] public string? ServiceId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("phones")] public IReadOnlyList<OrukPhone>? Phones { get; init; }
}

public sealed record OrukPhone
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("contact_id")] public string? ContactId { get; init; }
    [JsonPropertyName("number")] public required string Number { get; init; }
}

public sealed record OrukServiceArea
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("service_id")] public string? ServiceId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("extent")] public string? Extent { get; init; }
    [JsonPropertyName("extent_type")] public string? ExtentType { get; init; }
}

public sealed record OrukAttributeLink
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("link_id")] public string? LinkId { get; init; }
    [JsonPropertyName("link_type")] public string? LinkType { get; init; }
    [JsonPropertyName("taxonomy_term_id")] public string? TaxonomyTermId { get; init; }
    [JsonPropertyName("taxonomy_term")] public OrukTaxonomyTerm? TaxonomyTerm { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
}

public sealed record OrukTaxonomyTerm
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("taxonomy")] public string? Taxonomy { get; init; }
    [JsonPropertyName("taxonomy_id")] public string? TaxonomyId { get; init; }
    [JsonPropertyName("term")] public string? Term { get; init; }
    [JsonPropertyName("parent_id")] public string? ParentId { get; init; }
}

public sealed record OrukTaxonomy
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("uri")] public string? Uri { get; init; }
    [JsonPropertyName("taxonomy_terms")] public IReadOnlyList<OrukTaxonomyTerm>? TaxonomyTerms { get; init; }
}
