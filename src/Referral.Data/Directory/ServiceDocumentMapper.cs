using Referral.Domain.Directory;

namespace Referral.Data.Directory;

/// <summary>
/// The domain's service description to and from its stored document, member by member: a
/// property added to one side does not reach the disk until it is mapped here (and pinned there).
/// </summary>
internal static class ServiceDocumentMapper
{
    public static ServiceDocument ToDocument(ServiceInput input) => new()
    {
        Name = input.Name,
        Description = input.Description,
        Organisation = new OrganisationDocument
        {
            Name = input.Organisation.Name,
            CharityNumber = input.Organisation.CharityNumber,
            Website = input.Organisation.Website,
        },
        Conditions = input.Conditions,
        Communities = input.Communities,
        Formats = input.Formats,
        VenuePostcode = input.VenuePostcode,
        ServiceArea = new ServiceAreaDocument { National = input.ServiceArea.National, RadiusKm = input.ServiceArea.RadiusKm },
        Schedule = input.Schedule,
        Languages = input.Languages,
        Accessibility = input.Accessibility,
        Cost = input.Cost,
        Eligibility = new EligibilityDocument { MinAge = input.Eligibility.MinAge, MaxAge = input.Eligibility.MaxAge },
        Capacity = new CapacityDocument { Status = input.Capacity.Status, WaitWeeks = input.Capacity.WaitWeeks },
        Quality = new QualityDocument
        {
            TrainedFacilitators = input.Quality.TrainedFacilitators,
            SafeguardingPolicy = input.Quality.SafeguardingPolicy,
            EvidenceLevel = input.Quality.EvidenceLevel,
            Accreditations = input.Quality.Accreditations,
        },
        ReferralRoutes = input.ReferralRoutes,
        Contact = new ContactDocument { Email = input.Contact.Email, Phone = input.Contact.Phone, Website = input.Contact.Website },
        Status = input.Status,
        LastReviewed = input.LastReviewed,
    };

    public static ServiceInput ToDomain(ServiceDocument document) => new()
    {
        Name = document.Name,
        Description = document.Description,
        Organisation = new Organisation
        {
            Name = document.Organisation.Name,
            CharityNumber = document.Organisation.CharityNumber,
            Website = document.Organisation.Website,
        },
        Conditions = document.Conditions,
        Communities = document.Communities,
        Formats = document.Formats,
        VenuePostcode = document.VenuePostcode,
        ServiceArea = new ServiceArea { National = document.ServiceArea.National, RadiusKm = document.ServiceArea.RadiusKm },
        Schedule = document.Schedule,
        Languages = document.Languages,
        Accessibility = document.Accessibility,
        Cost = document.Cost,
        Eligibility = new Eligibility { MinAge = document.Eligibility.MinAge, MaxAge = document.Eligibility.MaxAge },
        Capacity = new Capacity { Status = document.Capacity.Status, WaitWeeks = document.Capacity.WaitWeeks },
        Quality = new Quality
        {
            TrainedFacilitators = document.Quality.TrainedFacilitators,
            SafeguardingPolicy = document.Quality.SafeguardingPolicy,
            EvidenceLevel = document.Quality.EvidenceLevel,
            Accreditations = document.Quality.Accreditations,
        },
        ReferralRoutes = document.ReferralRoutes,
        Contact = new Contact { Email = document.Contact.Email, Phone = document.Contact.Phone, Website = document.Contact.Website },
        Status = document.Status,
        LastReviewed = document.LastReviewed,
    };
}
