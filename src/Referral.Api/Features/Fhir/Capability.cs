using Hl7.Fhir.Model;

namespace Referral.Api.Features.Fhir;

/// <summary>The facade's CapabilityStatement: what GET /fhir/metadata says it can do.</summary>
public static class Capability
{
    // The date this statement last changed, not the date it is served: a client compares them.
    private const string Published = "2026-12-01";

    public static CapabilityStatement Statement() => new()
    {
        Url = "urn:referral:fhir:capability-statement",
        Name = "ReferralFhirFacade",
        Title = "Referral API: FHIR R4 UK Core facade",
        Status = PublicationStatus.Active,
        Date = Published,
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "Referral API" },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "Read-only FHIR R4 views of the directory and of a practice's referrals, over the /v1 API." },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "HealthcareService and this statement are open, as the directory is. ServiceRequest and Task need a practice key in the X-API-Key header and show only that practice's referrals; another practice's is 404, as if it did not exist. Unknown search parameters are refused (400), not ignored.",
                Resource =
                [
                    Resource(ResourceType.HealthcareService, UkCoreProfiles.HealthcareService, FhirSearchParameters.HealthcareService),
                    Resource(ResourceType.ServiceRequest, UkCoreProfiles.ServiceRequest, FhirSearchParameters.ServiceRequest),
                    Resource(ResourceType.Task, UkCoreProfiles.Task, FhirSearchParameters.Task),
                ],
            },
        ],
    };

    private static CapabilityStatement.ResourceComponent Resource(ResourceType type, string profile, IReadOnlyList<FhirSearchParameter> parameters) => new()
    {
        Type = type.ToString(),
        Profile = profile,
        Interaction =
        [
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
        ],
        ReadHistory = false,
        UpdateCreate = false,
        SearchParam = parameters
            .Where(p => !p.Name.StartsWith('_'))
            .Select(p => new CapabilityStatement.SearchParamComponent
            {
                Name = p.Name.Split(':')[0],
                Type = p.Type switch
                {
                    "string" => SearchParamType.String,
                    "reference" => SearchParamType.Reference,
                    _ => SearchParamType.Token,
                },
                Documentation = p.Description,
            })
            .DistinctBy(p => p.Name)
            .ToList(),
    };
}
