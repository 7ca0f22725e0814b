using Referral.Data.Referrals;
using Referral.Matching;

namespace Referral.Api.Engine;

/// <summary>
/// Track records as of one snapshot: per service, pooled over every practice, and per practice,
/// its own part of them, so that a practice can be shown the other practices' figures alone.
/// </summary>
public sealed class TrackRecordSnapshot
{
    private readonly Dictionary<Guid, TrackRecord> _pooled;
    private readonly Dictionary<string, KeyValuePair<Guid, TrackRecord>[]> _ownByPractice;

    private TrackRecordSnapshot(Dictionary<Guid, TrackRecord> pooled, Dictionary<string, KeyValuePair<Guid, TrackRecord>[]> ownByPractice)
    {
        _pooled = pooled;
        _ownByPractice = ownByPractice;
    }

    public static TrackRecordSnapshot Empty { get; } = From([]);

    public static TrackRecordSnapshot From(IEnumerable<PracticeOutcomes> outcomes)
    {
        var pooled = new Dictionary<Guid, TrackRecord>();
        // ODS codes are stored upper case; ignoring case anyway means a practice can never be
        // shown its own referrals through a difference in spelling.
        var own = new Dictionary<string, List<KeyValuePair<Guid, TrackRecord>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var outcome in outcomes)
        {
            var record = new TrackRecord(outcome.Closed, outcome.Completed, outcome.Endorsed, Practices: 1);
            var total = pooled.GetValueOrDefault(outcome.ServiceId);
            pooled[outcome.ServiceId] = new TrackRecord(
                total.Referrals + record.Referrals, total.Completed + record.Completed, total.Endorsed + record.Endorsed, total.Practices + 1);
            if (!own.TryGetValue(outcome.OdsCode, out var list))
            {
                own[outcome.OdsCode] = list = [];
            }

            list.Add(new(outcome.ServiceId, record));
        }

        return new TrackRecordSnapshot(
            pooled, own.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The service's record over every practice: what a practice that never referred there is shown.</summary>
    public TrackRecord Pooled(Guid serviceId) => _pooled.GetValueOrDefault(serviceId);

    /// <summary>For each service the practice has closed referrals to, the other practices' record.</summary>
    public IReadOnlyList<KeyValuePair<Guid, TrackRecord>> OthersFor(string odsCode) =>
        _ownByPractice.TryGetValue(odsCode, out var own)
            ? Array.ConvertAll(own, o => new KeyValuePair<Guid, TrackRecord>(o.Key, Pooled(o.Key).Without(o.Value)))
            : [];
}
