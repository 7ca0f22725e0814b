using Referral.Data.Directory;
using Referral.Domain.Directory;

namespace Referral.Data.Changes;

/// <summary>
/// Any service repository, with every committed write announced on the change feed. Kept apart
/// from the SQL so that each storage provider gets the same notifications without repeating them.
/// </summary>
public sealed class NotifyingServiceRepository(IServiceRepository inner, ChangeFeed changes) : IServiceRepository
{
    public async Task<Service?> CreateWithIdAsync(Guid id, ServiceInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var service = await inner.CreateWithIdAsync(id, input, now, cancellationToken);
        if (service is not null)
        {
            await changes.PublishAsync(new DataChange.ServiceChanged(service.Id));
        }

        return service;
    }

    public async Task<ReplaceOutcome<Service>> ReplaceAsync(Guid id, ServiceInput input, int? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = await inner.ReplaceAsync(id, input, expectedVersion, now, cancellationToken);
        if (outcome is ReplaceOutcome<Service>.Replaced)
        {
            await changes.PublishAsync(new DataChange.ServiceChanged(id));
        }

        return outcome;
    }

    public async Task<Service?> RetireAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var service = await inner.RetireAsync(id, now, cancellationToken);
        if (service is not null)
        {
            await changes.PublishAsync(new DataChange.ServiceChanged(id));
        }

        return service;
    }

    public Task<Service?> GetAsync(Guid id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public IAsyncEnumerable<Service> AllAsync(CancellationToken cancellationToken) => inner.AllAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
}
