namespace Referral.Api.Features.Fhir;

/// <summary>The identifier and code systems the facade writes, and the profiles it claims.</summary>
public static class FhirSystems
{
    // NHS England's identifier systems (UK Core).
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";
    public const string OdsOrganisation = "https://fhir.nhs.uk/Id/ods-organization-code";

    // HL7 UK's identifier systems for professional registers (UK Core).
    public const string Gmc = "https://fhir.hl7.org.uk/Id/gmc-number";
    public const string Nmc = "https://fhir.hl7.org.uk/Id/nmc-number";

    // HL7 FHIR R4's own Task code system (http://hl7.org/fhir/R4/codesystem-task-code.html).
    public const string TaskCode = "http://hl7.org/fhir/CodeSystem/task-code";

    /// <summary>
    /// This API's own vocabularies (GET /v1/vocabularies) as code systems: a URN, because the
    /// codes belong to the product, not to whichever host serves it.
    /// </summary>
    public static string Vocabulary(string name) => "urn:referral:vocabulary:" + name;

    /// <summary>A practice's own patient references, for a patient with no NHS number on the profile.</summary>
    public static string PatientReference(string odsCode) => "urn:referral:patient-ref:" + odsCode;

    /// <summary>Referral ids, as the /v1 API knows them.</summary>
    public const string ReferralId = "urn:referral:referral-id";
}

/// <summary>The UK Core (HL7 UK, NHS England) profiles the facade's resources declare in meta.profile.</summary>
public static class UkCoreProfiles
{
    public const string ServiceRequest = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest";
    public const string Task = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task";
    public const string HealthcareService = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-HealthcareService";
}
