using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Referral.Api.OpenApi;

namespace Referral.Api.Features.Services;

/// <summary>
/// A service as the API returns it: the description as it can be sent back with PUT, plus what
/// the directory adds. The directory's fields hide the body's optional ones of the same name: in
/// a response they are always there (required) and never come from the client (readOnly).
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

    [Required, ReadOnly(true)]
    public new Guid Id { get; init; }

    /// <summary>Goes up by one on every change; the ETag is derived from it.</summary>
    [Required, ReadOnly(true)]
    [Description("Goes up by one on every change; the ETag is derived from it.")]
    public new int Version { get; init; }

    /// <summary>The postcode district of the venue, which is what distances are measured from.</summary>
    [Required, ReadOnly(true)]
    [Description("The postcode district of the venue, which is what distances are measured from; null for an online-only service.")]
    public new string? VenueDistrict { get; init; }

    [Required, ReadOnly(true)]
    public new DateTimeOffset CreatedAt { get; init; }

    [Required, ReadOnly(true)]
    public new DateTimeOffset UpdatedAt { get; init; }
}
