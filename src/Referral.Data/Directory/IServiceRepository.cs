using Referral.Domain.Directory;

namespace Referral.Data.Directory;

/// <summary>The directory's storage. Nothing is ever physically deleted: retiring closes a service.</summary>
public interface IServiceRepository
{
    /// <summary>Stores a new service under a new random id, its venue postcode in standard form ("LS1 4AP").</summary>
    async Task<Service> CreateAsync(ServiceInput input, DateTimeOffset now, CancellationToken cancellationToken) =>
        await CreateWithIdAsync(Guid.NewGuid(), input, now, cancellationToken)
        ?? throw new InvalidOperationException("A new random service id is already taken.");

    /// <summary>
    /// Stores a new service under an id the caller chose (an importer derives it from the feed
    /// and the record, so a run interrupted and started again finds its service); null, and
    /// nothing written, when a service already has that id.
    /// </summary>
    Task<Service?> CreateWithIdAsync(Guid id, ServiceInput input, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Service?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Replaces the description; when expectedVersion is given, only if it is still current.</summary>
    Task<ReplaceOutcome<Service>> ReplaceAsync(Guid id, ServiceInput input, int? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets the status to closed; null when there is no such service.</summary>
    Task<Service?> RetireAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every service in every status, streamed, for the indexes held in memory (matching and search).</summary>
    IAsyncEnumerable<Service> AllAsync(CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}
