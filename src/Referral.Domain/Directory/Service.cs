namespace Referral.Domain.Directory;

/// <summary>A directory entry: the description plus what the directory adds.</summary>
public sealed record Service : ServiceInput
{
    public Service()
    {
    }

    public Service(ServiceInput input, Guid id, int version, string? venueDistrict, DateTimeOffset createdAt, DateTimeOffset updatedAt)
        : base(input)
    {
        Id = id;
        Version = version;
        VenueDistrict = venueDistrict;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; init; }

    /// <summary>Goes up by one on every change; the ETag is derived from it.</summary>
    public int Version { get; init; }

    /// <summary>The postcode district of the venue, which is what distances are measured from.</summary>
    public string? VenueDistrict { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
