using Referral.Data.Changes;
using Referral.Data.Directory;
using Referral.Data.Referrals;
using Referral.Domain.Directory;
using Referral.Domain.Geography;
using Referral.Matching;

namespace Referral.Api.Engine;

/// <summary>
/// The directory compiled for the engine, held in memory so that a recommendation never maps
/// the whole directory from the database. Service changes reach it at once; track records only
/// at snapshots (at start-up, then every Matching:TrackRecordRefresh), never on a referral's
/// closure, so that a practice watching its recommendations cannot tie a change to one patient.
/// Reads take the current immutable state; writes are rare, so each builds the next under a lock.
/// </summary>
/// <remarks>
/// It follows the data layer's change feed, so every path that writes a service (a handler, the
/// demo seeder, an importer, an operator's verb) keeps it current without knowing it exists.
/// With several API instances on PostgreSQL, the feed also carries the others' changes (LISTEN/NOTIFY).
/// </remarks>
public sealed class MatchingDirectory : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly IServiceRepository services;
    private readonly IReferralRepository referrals;
    private readonly PostcodeDistricts districts;
    private readonly IDisposable _subscription;

    public MatchingDirectory(IServiceRepository services, IReferralRepository referrals, PostcodeDistricts districts, ChangeFeed changes)
    {
        this.services = services;
        this.referrals = referrals;
        this.districts = districts;
        _subscription = changes.Subscribe(change => change switch
        {
            DataChange.ServiceChanged changed => RefreshAsync(changed.ServiceId),
            // The track records stay the current snapshot's: only the services are read again.
            DataChange.EverythingChanged => ReloadAsync(keepTrackRecords: true, CancellationToken.None),
            _ => Task.CompletedTask,
        });
    }

    // One reference, so that a reader never pairs a directory with another snapshot's records.
    private volatile State _current = new(CandidateDirectory.Empty, TrackRecordSnapshot.Empty);

    /// <summary>
    /// The directory as one practice may see it: records pooled over every practice, except
    /// that for each service the practice has closed referrals to, it sees only the other
    /// practices' record, so its own patients neither add to nor subtract from what it is shown.
    /// </summary>
    public (CandidateDirectory Directory, TrackRecordOverrides? TrackRecords) For(string odsCode)
    {
        var current = _current;
        var others = current.TrackRecords.OthersFor(odsCode);
        return (current.Directory, others.Count == 0 ? null : TrackRecordOverrides.For(current.Directory, others));
    }

    /// <summary>Loads the directory and takes the first track-record snapshot, at start-up.</summary>
    public Task LoadAsync(CancellationToken cancellationToken) => ReloadAsync(keepTrackRecords: false, cancellationToken);

    /// <summary>Takes a new track-record snapshot (and reloads the directory with it).</summary>
    public Task RefreshTrackRecordsAsync(CancellationToken cancellationToken) => ReloadAsync(keepTrackRecords: false, cancellationToken);

    public void Dispose() => _subscription.Dispose();

    /// <summary>
    /// Recompiles one service from the database after it changed, with the track record of the
    /// current snapshot (never a fresher one). It follows a committed write, so it runs to the
    /// end even if the caller has gone away.
    /// </summary>
    private async Task RefreshAsync(Guid serviceId)
    {
        var cancellationToken = CancellationToken.None;
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            var service = await services.GetAsync(serviceId, cancellationToken);
            var directory = service is null
                ? current.Directory.Without(serviceId)
                : current.Directory.With(Compile(service, current.TrackRecords));
            _current = current with { Directory = directory };
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task ReloadAsync(bool keepTrackRecords, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var records = keepTrackRecords ? _current.TrackRecords : TrackRecordSnapshot.From(await referrals.OutcomesAsync(cancellationToken));
            var candidates = new List<Candidate>();
            await foreach (var service in services.AllAsync(cancellationToken))
            {
                candidates.Add(Compile(service, records));
            }

            _current = new State(CandidateDirectory.From(candidates), records);
        }
        finally
        {
            _writer.Release();
        }
    }

    // The engine decides what of the record is shown (TrackRecordDisclosure); it is given the
    // record pooled over every practice, and per request each practice's own view (For).
    private Candidate Compile(Service service, TrackRecordSnapshot records) =>
        Candidate.Compile(
            service,
            districts.TryLocate(service.VenueDistrict, out _, out var venue) ? venue : null,
            records.Pooled(service.Id));

    private sealed record State(CandidateDirectory Directory, TrackRecordSnapshot TrackRecords);
}
