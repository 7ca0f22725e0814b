namespace Referral.Domain.GpRecord;

/// <summary>A SNOMED CT concept: its id and preferred term.</summary>
public sealed record SnomedConcept(string ConceptId, string PreferredTerm)
{
    /// <summary>The code system URI of SNOMED CT in FHIR and in GP system integrations.</summary>
    public const string System = "http://snomed.info/sct";
}
