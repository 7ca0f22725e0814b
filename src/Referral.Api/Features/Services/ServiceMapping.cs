using Referral.Domain.Directory;

namespace Referral.Api.Features.Services;

/// <summary>
/// The wire's service to and from the domain's, member by member: a property added to a body
/// reaches neither the engine nor storage until it is mapped here.
/// </summary>
public static class ServiceMapping
{
    public static ServiceInput ToDomain(this ServiceBody body) => new()
    {
        Name = body.Name,
        Description = body.Description,
        Organisation = new Organisation
        {
            Name = body.Organisation.Name,
            CharityNumber = body.Organisation.CharityNumber,
            Website = body.Organisation.Website,
        },
        Conditions = body.Conditions,
        Communities = body.Communities,
        Formats = body.Formats,
        VenuePostcode = body.VenuePostcode,
        ServiceArea = new ServiceArea { National = body.ServiceArea.National, RadiusKm = body.ServiceArea.RadiusKm },
        Schedule = body.Schedule,
        Languages = body.Languages,
        Accessibility = body.Accessibility,
        Cost = body.Cost,
        Eligibility = new Eligibility { MinAge = body.Eligibility.MinAge, MaxAge = body.Eligibility.MaxAge },
        Capacity = new Capacity { Status = body.Capacity.Status, WaitWeeks = body.Capacity.WaitWeeks },
        Quality = new Quality
        {
            TrainedFacilitators = body.Quality.TrainedFacilitators,
            SafeguardingPolicy = body.Quality.SafeguardingPolicy,
            EvidenceLevel = body.Quality.EvidenceLevel,
            Accreditations = body.Quality.Accreditations,
        },
        ReferralRoutes = body.ReferralRoutes,
        Contact = new Contact { Email = body.Contact.Email, Phone = body.Contact.Phone, Website = body.Contact.Website },
        Status = body.Status,
        LastReviewed = body.LastReviewed,
    };

    public static ServiceView ToView(this Service service) => new(ToBody(service))
    {
        Id = service.Id,
        Version = service.Version,
        VenueDistrict = service.VenueDistrict,
        CreatedAt = service.CreatedAt,
        UpdatedAt = service.UpdatedAt,
    };

    private static ServiceBody ToBody(ServiceInput service) => new()
    {
        Name = service.Name,
        Description = service.Description,
        Organisation = new OrganisationBody
        {
            Name = service.Organisation.Name,
            CharityNumber = service.Organisation.CharityNumber,
            Website = service.Organisation.Website,
        },
        Conditions = service.Conditions,
        Communities = service.Communities,
        Formats = service.Formats,
        VenuePostcode = service.VenuePostcode,
        ServiceArea = new ServiceAreaBody { National = service.ServiceArea.National, RadiusKm = service.ServiceArea.RadiusKm },
        Schedule = service.Schedule,
        Languages = service.Languages,
        Accessibility = service.Accessibility,
        Cost = service.Cost,
        Eligibility = new EligibilityBody { MinAge = service.Eligibility.MinAge, MaxAge = service.Eligibility.MaxAge },
        Capacity = new CapacityBody { Status = service.Capacity.Status, WaitWeeks = service.Capacity.WaitWeeks },
        Quality = new QualityBody
        {
            TrainedFacilitators = service.Quality.TrainedFacilitators,
            SafeguardingPolicy = service.Quality.SafeguardingPolicy,
            EvidenceLevel = service.Quality.EvidenceLevel,
            Accreditations = service.Quality.Accreditations,
        },
        ReferralRoutes = service.ReferralRoutes,
        Contact = new ContactBody { Email = service.Contact.Email, Phone = service.Contact.Phone, Website = service.Contact.Website },
        Status = service.Status,
        LastReviewed = service.LastReviewed,
    };
}
