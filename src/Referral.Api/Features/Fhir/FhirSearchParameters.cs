using Referral.Api.Validation;

namespace Referral.Api.Features.Fhir;

/// <summary>
/// One search parameter of the facade: what the searches accept, what the contract and the
/// CapabilityStatement say, from one definition.
/// </summary>
/// <param name="Name">As sent in the query string.</param>
/// <param name="Type">The FHIR search parameter type (string, token, reference, number), or "result" for _count and the like.</param>
/// <param name="Pattern">What a value must look like, for the contract; the search checks it with its own rules.</param>
public sealed record FhirSearchParameter(string Name, string Type, string Description, string Example, string? Pattern = null, IReadOnlyList<string>? Codes = null)
{
    public bool IsInteger => Type == "number";
}

public static class FhirSearchParameters
{
    public const string NhsNumberPattern = @"^(https://fhir\.nhs\.uk/Id/nhs-number\|)?[0-9]{3} ?[0-9]{3} ?[0-9]{4}$";

    public static readonly FhirSearchParameter Count = new(
        "_count", "number", $"Results per page, 1 to {Paging.MaxPageSize}; {Paging.DefaultPageSize} when not given.", "20");

    public static readonly FhirSearchParameter Page = new(
        "_page", "number", $"The page of results, from 1 to {Paging.MaxPage}; the Bundle's next link gives the next one.", "1");

    public static readonly FhirSearchParameter Format = new(
        "_format", "token", "The only format served is JSON: json, application/json or application/fhir+json. Anything else is 406.", "json",
        Codes: ["json", "application/json", "application/fhir+json"]);

    public static readonly FhirSearchParameter Name = new(
        "name", "string", "Words in the service's name or description (the directory's free-text search).", "walk");

    public static readonly FhirSearchParameter District = new(
        "district", "token", "A postcode district (LS6) or a full postcode: services with a venue within 25 km of the district's centre, nearest first (the directory's near search).", "LS6",
        Pattern: "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?( ?[0-9][A-Za-z]{2})?$");

    public static readonly FhirSearchParameter PatientIdentifier = new(
        "patient:identifier", "reference", "The patient's NHS number, with or without its system: https://fhir.nhs.uk/Id/nhs-number|9449305552. Only the practice's own patients are found.",
        "https://fhir.nhs.uk/Id/nhs-number|9449305552", Pattern: NhsNumberPattern);

    public static readonly FhirSearchParameter ServiceRequestStatus = new(
        "status", "token", "FHIR request status codes, comma-separated for any of them (active, completed, revoked are the ones used; see the README's status mapping).", "active",
        Pattern: "^[a-z-]+(,[a-z-]+)*$");

    public static readonly FhirSearchParameter TaskStatus = new(
        "status", "token", "FHIR task status codes, comma-separated for any of them (see the README's status mapping).", "requested",
        Pattern: "^[a-z-]+(,[a-z-]+)*$");

    public static readonly FhirSearchParameter Focus = new(
        "focus", "reference", "The referral's ServiceRequest: ServiceRequest/{id} or the id alone.", "ServiceRequest/4a0f8a5e-1a7e-4e55-9a1b-6d3c2b1a0f9e",
        Pattern: "^(ServiceRequest/)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    public static readonly IReadOnlyList<FhirSearchParameter> HealthcareService = [Name, District, Count, Page, Format];

    public static readonly IReadOnlyList<FhirSearchParameter> ServiceRequest = [PatientIdentifier, ServiceRequestStatus, Count, Page, Format];

    public static readonly IReadOnlyList<FhirSearchParameter> Task = [Focus, PatientIdentifier, TaskStatus, Count, Page, Format];

    /// <summary>A read takes no search parameters, only _format.</summary>
    public static readonly IReadOnlyList<FhirSearchParameter> Read = [Format];
}
