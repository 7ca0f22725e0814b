using Referral.Api.OpenApi;

namespace Referral.Api.Features.Services;

/// <summary>
/// A service as the API returns it: the description as it can be sent back with PUT, plus what
/// the directory adds.
/// </summary>
[SchemaName("Service")]
public sealed record ServiceView : ServiceBody
{
    // Not public: the serializer would take a public one as its constructor, and a view is only
    // ever written. ServiceMapping builds it from the domain's service.
    internal ServiceView(ServiceBody description)
        : base(description)
    {
    }

    public Guid Id { get; init; }

    /// <summary>Goes up by one on every change; the ETag is derived from it.</summary>
    public int Version { get; init; }

    /// <summary>The postcode district of the venue, which is what distances are measured from.</summary>
    public string? VenueDistrict { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
