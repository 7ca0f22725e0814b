using Referral.Domain.Directory;

namespace Referral.Data.Directory;

/// <summary>The directory's storage. Nothing is ever physically deleted: retiring closes a service.</summary>
public interface IServiceRepository
{
    /// <summary>Stores a new service, its venue postcode in standard form ("LS1 4AP").</summary>
    Task<Service> CreateAsync(ServiceInput input, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Service?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Replaces the description; when expectedVersion is given, only if it is still current.</summary>
    Task<ReplaceOutcome<Service>> ReplaceAsync(Guid id, ServiceInput input, int? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets the status to closed; null when there is no such service.</summary>
    Task<Service?> RetireAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Page<ServiceListing>> ListAsync(ServiceQuery query, CancellationToken cancellationToken);

    /// <summary>Every service in every status, for the in-memory matching directory.</summary>
    Task<IReadOnlyList<Service>> AllAsync(CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Changes after every create, replace and retire: the validator of the open listing.</summary>
    Task<DirectoryStamp> StampAsync(CancellationToken cancellationToken);
}
