using Referral.Data.Directory;
using Referral.Data.Referrals;
using Referral.Domain.Directory;
using Referral.Domain.Geography;
using Referral.Matching;

namespace Referral.Api.Features.Recommendations;

/// <summary>
/// The directory compiled for the engine, held in memory so that a recommendation never maps
/// the whole directory from the database. Loaded at start-up, and kept current by the writes
/// of this process (services changed, referrals moved on). Reads take the current immutable
/// snapshot; writes are rare, so each one builds the next snapshot under a lock.
/// </summary>
/// <remarks>
/// With several API instances, each would only see its own writes; a shared database (the
/// PostgreSQL step) will need a change feed (e.g. LISTEN/NOTIFY) to refresh the others.
/// </remarks>
public sealed class MatchingDirectory(IServiceRepository services, IReferralRepository referrals, PostcodeDistricts districts)
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile CandidateDirectory _current = CandidateDirectory.Empty;

    public CandidateDirectory Current => _current;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var outcomes = (await referrals.OutcomesAsync(null, cancellationToken)).ToDictionary(o => o.ServiceId);
            var all = await services.AllAsync(cancellationToken);
            _current = CandidateDirectory.From(all.Select(s => Compile(s, outcomes.GetValueOrDefault(s.Id))));
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Recompiles one service from the database after it, or one of its referrals, changed. It
    /// follows a committed write, so it runs to the end even if the caller has gone away.
    /// </summary>
    public async Task RefreshAsync(Guid serviceId)
    {
        var cancellationToken = CancellationToken.None;
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var service = await services.GetAsync(serviceId, cancellationToken);
            if (service is null)
            {
                _current = _current.Without(serviceId);
                return;
            }

            var outcome = (await referrals.OutcomesAsync(serviceId, cancellationToken)).SingleOrDefault();
            _current = _current.With(Compile(service, outcome));
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Below this many closed referrals a service shows no track record at all. Outcomes are
    /// pooled across practices, and with one or two referrals another practice could read off
    /// what happened to a particular patient from the score or its reason.
    /// </summary>
    public const int MinimumClosedReferrals = 5;

    // The track record counts closed referrals only: one still in progress says nothing yet
    // about whether people complete the service.
    private Candidate Compile(Service service, ServiceOutcomes? outcome) =>
        Candidate.Compile(
            service,
            districts.TryLocate(service.VenueDistrict, out _, out var venue) ? venue : null,
            outcome is null || outcome.Closed < MinimumClosedReferrals
                ? TrackRecord.None
                : new TrackRecord(outcome.Closed, outcome.Completed, outcome.Endorsed));
}
