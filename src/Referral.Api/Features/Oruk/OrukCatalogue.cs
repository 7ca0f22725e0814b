using Referral.Api.Search;
using Referral.Data.Directory;
using Referral.Domain.Directory;

namespace Referral.Api.Features.Oruk;

/// <summary>
/// What the feed's organization and service_at_location endpoints list, which the directory
/// keeps no table of: its organisations (known by name, <see cref="StableIds.Organisation"/>)
/// and its services with a venue. Worked out by one pass over the stored services, kept until
/// the search index's revision moves on (any write), so a poller costs nothing between writes.
/// </summary>
public sealed class OrukCatalogue(IServiceRepository services, DirectorySearch search) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;

    public sealed record Snapshot(
        DirectoryRevision Revision,
        IReadOnlyList<Organisation> Organisations,
        IReadOnlyDictionary<Guid, Organisation> OrganisationsById,
        IReadOnlyList<Guid> Venues,
        IReadOnlyDictionary<Guid, Guid> ServiceOfServiceAtLocation);

    public async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var revision = search.Revision;
        if (_current is { } held && held.Revision == revision)
        {
            return held;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && again.Revision == search.Revision)
            {
                return again;
            }

            // The revision is read before the pass, so a write during it only makes the next call read again.
            revision = search.Revision;
            var organisations = new Dictionary<Guid, Organisation>();
            var venues = new List<(string Name, Guid Id)>();
            await foreach (var service in services.AllAsync(cancellationToken))
            {
                organisations.TryAdd(StableIds.Organisation(service.Organisation.Name), service.Organisation);
                if (service.VenuePostcode is not null)
                {
                    venues.Add((service.Name, service.Id));
                }
            }

            var ordered = venues.OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Id).Select(v => v.Id).ToList();
            _current = new Snapshot(
                revision,
                organisations.Values.OrderBy(o => o.Name, StringComparer.Ordinal).ToList(),
                organisations,
                ordered,
                ordered.ToDictionary(StableIds.ServiceAtLocation));
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
