using Referral.Domain.Directory;
using Riok.Mapperly.Abstractions;

namespace Referral.Api.Features.Services;

/// <summary>
/// The wire's service to and from the domain's, generated member by member (Mapperly): a member
/// added on one side and not the other fails the build, and the read-only members a GET body
/// carries back are named here as the only ones not copied.
/// </summary>
[Mapper]
public static partial class ServiceMapping
{
    [MapperIgnoreSource(nameof(ServiceBody.Id))]
    [MapperIgnoreSource(nameof(ServiceBody.Version))]
    [MapperIgnoreSource(nameof(ServiceBody.VenueDistrict))]
    [MapperIgnoreSource(nameof(ServiceBody.CreatedAt))]
    [MapperIgnoreSource(nameof(ServiceBody.UpdatedAt))]
    public static partial ServiceInput ToDomain(this ServiceBody body);

    public static ServiceView ToView(this Service service) => new(ToBody(service))
    {
        Id = service.Id,
        Version = service.Version,
        VenueDistrict = service.VenueDistrict,
        CreatedAt = service.CreatedAt,
        UpdatedAt = service.UpdatedAt,
    };

    [MapperIgnoreTarget(nameof(ServiceBody.Id))]
    [MapperIgnoreTarget(nameof(ServiceBody.Version))]
    [MapperIgnoreTarget(nameof(ServiceBody.VenueDistrict))]
    [MapperIgnoreTarget(nameof(ServiceBody.CreatedAt))]
    [MapperIgnoreTarget(nameof(ServiceBody.UpdatedAt))]
    private static partial ServiceBody ToBody(ServiceInput service);
}
