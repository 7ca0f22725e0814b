using Hl7.Fhir.Model;
using Referral.Domain.Directory;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Fhir;

/// <summary>A directory service as a UK Core HealthcareService (must-support: providedBy, type).</summary>
public static class HealthcareServiceResource
{
    public static HealthcareService From(Service service)
    {
        var resource = new HealthcareService
        {
            Id = service.Id.ToString(),
            Meta = new Meta { Profile = [UkCoreProfiles.HealthcareService], LastUpdated = service.UpdatedAt, VersionId = service.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Active = service.Status == ServiceStatuses.Active,
            ProvidedBy = new ResourceReference { Display = service.Organisation.Name },
            Type = service.Formats.Select(f => Term(Formats.Terms, f)).ToList(),
            Characteristic = [.. service.Conditions.Select(c => Term(Vocabularies.Conditions, c)), .. service.Communities.Select(c => Term(Vocabularies.Communities, c))],
            Communication = service.Languages.Select(l => ReferralResources.Coded("urn:ietf:bcp:47", l, Vocabularies.Languages.Terms.FirstOrDefault(t => t.Code == l)?.Label ?? l)).ToList(),
            Name = service.Name,
            Comment = service.Description,
            Telecom = Telecom(service.Contact).ToList(),
            AppointmentRequired = false,
        };

        if (service.VenuePostcode is { } postcode)
        {
            resource.ExtraDetails = new Markdown($"Venue: {postcode}.");
        }

        return resource;
    }

    private static CodeableConcept Term(TermSet terms, string code) =>
        ReferralResources.Coded(FhirSystems.Vocabulary(terms.Name), code, terms.Terms.FirstOrDefault(t => t.Code == code)?.Label ?? code);

    private static IEnumerable<ContactPoint> Telecom(Contact contact)
    {
        if (contact.Phone is { } phone)
        {
            yield return new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone);
        }

        if (contact.Email is { } email)
        {
            yield return new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email);
        }

        if (contact.Website is { } website)
        {
            yield return new ContactPoint(ContactPoint.ContactPointSystem.Url, null, website);
        }
    }
}
