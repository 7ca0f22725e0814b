using Referral.Matching.Compiled;

namespace Referral.Matching;

/// <summary>
/// One practice's own view of some services' track records, for one ranking: the directory is
/// compiled with records pooled over every practice, and a practice that made closed referrals
/// to a service must instead see the other practices' record alone (pooled less its own), so it
/// can never combine what it knows about its own patients with what it is shown. Sparse, since a
/// practice refers to few services, and tied to the directory it was built for, since it works
/// by position in that directory.
/// </summary>
public sealed class TrackRecordOverrides
{
    private TrackRecordOverrides(CandidateDirectory directory, int[] indices, DisclosedRecord[] records)
    {
        Directory = directory;
        Indices = indices;
        Records = records;
    }

    public int Count => Indices.Length;

    internal CandidateDirectory Directory { get; }

    /// <summary>Positions in <see cref="Directory"/>, ascending, so ranking checks one per candidate with one comparison.</summary>
    internal int[] Indices { get; }

    internal DisclosedRecord[] Records { get; }

    /// <summary>
    /// The records to show instead of the directory's, by service id; services not in the
    /// directory (retired since) are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">A record is invalid, or a service appears twice.</exception>
    public static TrackRecordOverrides For(CandidateDirectory directory, IEnumerable<KeyValuePair<Guid, TrackRecord>> records)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(records);
        var found = new List<(int Index, DisclosedRecord Record)>();
        foreach (var (serviceId, record) in records)
        {
            var shown = DisclosedRecord.Of(record);
            if (directory.IndexOf(serviceId) is var index and >= 0)
            {
                found.Add((index, shown));
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].Index == found[i - 1].Index)
            {
                throw new ArgumentException($"Service {directory[found[i].Index].ServiceId} has more than one track record.", nameof(records));
            }
        }

        return new TrackRecordOverrides(directory, found.Select(f => f.Index).ToArray(), found.Select(f => f.Record).ToArray());
    }

    /// <summary>The candidate at this position in the directory as this practice is shown it.</summary>
    internal Candidate Apply(int index, Candidate candidate) =>
        Array.BinarySearch(Indices, index) is var at and >= 0 ? candidate.With(Records[at]) : candidate;
}
