namespace Referral.Domain.Directory;

/// <summary>A directory entry as stored and returned: the description plus what the directory adds.</summary>
public sealed class Service : ServiceInput
{
    public Guid Id { get; init; }

    /// <summary>Goes up by one on every change; the ETag is derived from it.</summary>
    public int Version { get; init; }

    /// <summary>The postcode district of the venue, which is what distances are measured from.</summary>
    public string? VenueDistrict { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static Service From(ServiceInput input, Guid id, int version, string? venueDistrict, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
    {
        Id = id,
        Version = version,
        VenueDistrict = venueDistrict,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
        Name = input.Name,
        Description = input.Description,
        Organisation = input.Organisation,
        Conditions = input.Conditions,
        Communities = input.Communities,
        Formats = input.Formats,
        VenuePostcode = input.VenuePostcode,
        ServiceArea = input.ServiceArea,
        Schedule = input.Schedule,
        Languages = input.Languages,
        Accessibility = input.Accessibility,
        Cost = input.Cost,
        Eligibility = input.Eligibility,
        Capacity = input.Capacity,
        Quality = input.Quality,
        ReferralRoutes = input.ReferralRoutes,
        Contact = input.Contact,
        Status = input.Status,
        LastReviewed = input.LastReviewed,
    };
}
