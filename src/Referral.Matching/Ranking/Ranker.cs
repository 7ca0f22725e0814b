using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using Referral.Matching.Factors;

namespace Referral.Matching.Ranking;

/// <summary>How services are screened: the plain reference, or pruned, one at a time or eight at once.</summary>
internal enum Screening
{
    /// <summary>Every service checked and every eligible one scored: what pruning must match byte for byte.</summary>
    Reference,

    /// <summary>One service at a time, passed over when its upper bound cannot reach the list.</summary>
    Scalar,

    /// <summary>Eight services at a time with SIMD (<see cref="VectorScreen"/>), where the hardware has it.</summary>
    Vector,
}

/// <summary>
/// One ranking in progress: the exclusion counts, the best candidates so far, the choice rule's
/// leaders and the practice's own track records. <see cref="Visit"/> takes one service through
/// the constraints, the bound and the scores; the vector screen calls it only for the few
/// services it could not settle eight at a time.
/// </summary>
internal sealed class Ranker : IDisposable
{
    private readonly CandidateTraits[] _traits;
    private readonly Screen[] _screens;
    private readonly int[] _positions;
    private readonly DisclosedRecord[] _records;
    private int _cursor;
    private FactorScores _scores;

    public Ranker(PatientTraits patient, CandidateDirectory directory, int limit, TrackRecordOverrides? trackRecords)
    {
        Patient = patient;
        Directory = directory;
        _traits = directory.Traits;
        _screens = directory.Screens;
        Top = new TopK(Math.Min(limit, _traits.Length), directory);
        Choice = ChoiceRule.AppliesTo(patient) ? new ChoiceRule(directory) : null;
        Tables = new RequestTables(patient, directory);
        Excluded = new int[HardConstraints.All.Count];
        _positions = trackRecords?.Indices ?? [];
        _records = trackRecords?.Records ?? [];
        NextOverride = _positions.Length > 0 ? _positions[0] : -1;
    }

    public PatientTraits Patient { get; }

    public CandidateDirectory Directory { get; }

    public TopK Top { get; }

    public ChoiceRule? Choice { get; }

    public RequestTables Tables { get; }

    /// <summary>Services removed, by ExclusionReason.</summary>
    public int[] Excluded { get; }

    /// <summary>The position of the next service whose track record this practice sees differently, or -1.</summary>
    public int NextOverride { get; private set; }

    /// <summary>
    /// Takes service <paramref name="i"/> through the constraints (counting an exclusion), then,
    /// when <paramref name="prune"/>, its upper bound, and scores it if it can still matter.
    /// Services must be visited in increasing order wherever a track record is overridden.
    /// </summary>
    public void Visit(int i, bool prune)
    {
        var isReplaced = i == NextOverride;
        var record = isReplaced ? _records[_cursor] : default;
        if (isReplaced)
        {
            _cursor++;
            NextOverride = _cursor < _positions.Length ? _positions[_cursor] : -1;
        }

        if (HardConstraints.Check(Patient, _screens[i], Tables, _traits, i, out var offer) is { } reason)
        {
            Excluded[(int)reason]++;
            return;
        }

        // A service that cannot beat the weakest total it would have to displace is passed over
        // before its traits are read. An overridden track record is not in the screen's
        // ceilings, so such a service is always scored.
        if (prune && !isReplaced
            && UpperBound.Of(Patient, _screens[i], offer, Tables, ref _scores) < Math.Min(Top.Threshold, Choice?.EntryFor(offer.Formats) ?? double.PositiveInfinity))
        {
            return;
        }

        var replaced = isReplaced ? _traits[i] with { Record = record } : default;
        ref readonly var service = ref isReplaced ? ref replaced : ref _traits[i];
        FactorCatalogue.Score(Patient, service, offer, ref _scores);
        var total = FactorCatalogue.Total(Patient, ref _scores);
        Top.Add(total, i, offer);
        Choice?.Consider(total, i, offer);
    }

    public void Dispose() => Tables.Dispose();
}
