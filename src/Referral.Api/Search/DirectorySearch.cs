using System.Text.Json;
using Microsoft.Extensions.Options;
using Referral.Api.Features.Oruk;
using Referral.Api.Features.Services;
using Referral.Data.Changes;
using Referral.Data.Directory;
using Referral.Domain.Directory;
using Referral.Domain.Geography;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Referral.Api.Search;

/// <summary>
/// Directory search and reads by id, answered from an index in memory (<see cref="DirectoryIndex"/>)
/// that follows the data layer's change feed: the database stays the record, and every write
/// that commits a service (a handler, the demo seeder, an importer, an operator's verb) is in
/// the index before that write's caller hears it succeeded, so the very next search sees it.
/// The same index serves every storage provider, so search answers alike on each.
/// </summary>
public sealed class DirectorySearch : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly IServiceRepository _services;
    private readonly PostcodeDistricts _districts;
    private readonly JsonSerializerOptions _json;
    private readonly IDisposable _subscription;
    private DirectoryIndex _index = new();

    // A validator is only meaningful within one process's index: a restart, or another
    // instance, starts a new series, so a tag from elsewhere never matches by accident.
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private long _generation;

    public DirectorySearch(IServiceRepository services, PostcodeDistricts districts, IOptions<JsonOptions> json, ChangeFeed changes)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(changes);
        _services = services;
        _districts = districts;
        _json = json.Value.SerializerOptions;
        _subscription = changes.Subscribe(change => change switch
        {
            DataChange.ServiceChanged changed => RefreshAsync(changed.ServiceId),
            DataChange.EverythingChanged => LoadAsync(CancellationToken.None),
            _ => Task.CompletedTask,
        });
    }

    /// <summary>Changes whenever the index does; never repeats within a process, nor across processes.</summary>
    public DirectoryRevision Revision => new(_instance, Interlocked.Read(ref _generation));

    public (DirectoryPage Page, DirectoryRevision Revision) Search(DirectoryQuery query)
    {
        _lock.EnterReadLock();
        try
        {
            return (_index.Search(query), Revision);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public IndexedService? Find(Guid id)
    {
        _lock.EnterReadLock();
        try
        {
            return _index.Find(id);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Indexes every service, at start-up.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            // Built aside and swapped in: changes committed before now are in what was read, and
            // later ones wait for the writer's turn.
            var all = new List<(IndexedService, string)>();
            await foreach (var service in _services.AllAsync(cancellationToken))
            {
                all.Add((Index(service), OtherText(service)));
            }

            var loaded = new DirectoryIndex();
            loaded.Load(all);
            Write(_ => _index = loaded);
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _lock.Dispose();
        _writer.Dispose();
    }

    /// <summary>Re-reads one service after a committed change; it runs to the end even if the caller has gone.</summary>
    private async Task RefreshAsync(Guid serviceId)
    {
        await _writer.WaitAsync(CancellationToken.None);
        try
        {
            // Services are never deleted, so a committed change always finds its service.
            if (await _services.GetAsync(serviceId, CancellationToken.None) is { } service)
            {
                var indexed = Index(service);
                Write(index => index.Upsert(indexed, OtherText(service)));
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    private void Write(Action<DirectoryIndex> change)
    {
        _lock.EnterWriteLock();
        try
        {
            change(_index);
            Interlocked.Increment(ref _generation);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private static string OtherText(Service service) => service.Description + "\n" + service.Organisation.Name;

    private IndexedService Index(Service service) => new(
        service.Id,
        service.Version,
        service.Status,
        service.Name,
        service.Conditions,
        service.Communities,
        service.Formats,
        service.Languages,
        service.VenueDistrict,
        _districts.TryLocate(service.VenueDistrict, out _, out var centroid) ? centroid : null,
        JsonSerializer.SerializeToUtf8Bytes(service.ToView(), _json))
    {
        Organisation = StableIds.Organisation(service.Organisation.Name).ToString(),
        UpdatedAt = service.UpdatedAt,
    };
}

/// <summary>Which state of the index an answer came from: the listing's ETag is derived from it.</summary>
public readonly record struct DirectoryRevision(string Instance, long Generation);
