using Referral.Matching.Compiled;

namespace Referral.Matching;

/// <summary>
/// The compiled directory the engine ranks. Immutable, so one instance can serve any number of
/// concurrent requests; a write makes a new instance (<see cref="With"/>, <see cref="Without"/>)
/// for the holder to swap in. Each write copies the directory: writes are rare, reads are not.
/// </summary>
public sealed class CandidateDirectory
{
    private readonly Candidate[] _candidates;

    // Positions by service id, built on first use: only per-practice track records need it, and
    // a directory replaced by the next write may never be asked.
    private Dictionary<Guid, int>? _positions;

    private CandidateDirectory(Candidate[] candidates)
    {
        _candidates = candidates;
        // Separate arrays of the compiled structs keep the ranking loop on contiguous memory:
        // every service's screen, and the full traits of the few that are scored.
        Traits = Array.ConvertAll(candidates, c => c.Traits);

        // Distinct venues and language sets, numbered in order of first appearance, so the
        // numbering (and with it every result) depends only on the directory's order.
        var venues = new Table<UnitVector>();
        var languageSets = new Table<LanguageMask>();
        Screens = new Screen[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            ref readonly var traits = ref Traits[i];
            var venue = traits.HasVenue ? venues.Intern(traits.Venue) : -1;
            Screens[i] = new Screen(traits, venue, languageSets.Intern(traits.Languages));
        }

        Venues = [.. venues.Values];
        LanguageSets = [.. languageSets.Values];
        Columns = ScreenColumns.Of(Screens, Traits, Venues.Length, LanguageSets.Length);
    }

    public static CandidateDirectory Empty { get; } = new([]);

    public int Count => _candidates.Length;

    public IReadOnlyList<Candidate> Candidates => Array.AsReadOnly(_candidates);

    internal CandidateTraits[] Traits { get; }

    internal Screen[] Screens { get; }

    /// <summary>The screens as one array per field, for the SIMD screen; null when they do not fit its lanes.</summary>
    internal ScreenColumns? Columns { get; }

    /// <summary>The distinct venue centroids, by the number a <see cref="Screen"/> holds.</summary>
    internal UnitVector[] Venues { get; }

    /// <summary>The distinct sets of languages services are offered in, by the number a <see cref="Screen"/> holds.</summary>
    internal LanguageMask[] LanguageSets { get; }

    internal Candidate this[int index] => _candidates[index];

    /// <exception cref="ArgumentException">Two candidates share a service id.</exception>
    public static CandidateDirectory From(IEnumerable<Candidate> candidates)
    {
        var array = candidates.ToArray();
        var ids = new HashSet<Guid>();
        foreach (var candidate in array)
        {
            if (!ids.Add(candidate.ServiceId))
            {
                throw new ArgumentException($"Service {candidate.ServiceId} appears more than once.", nameof(candidates));
            }
        }

        return new CandidateDirectory(array);
    }

    public Candidate? Find(Guid serviceId) => Array.Find(_candidates, c => c.ServiceId == serviceId);

    /// <summary>The service's position in this directory, or -1.</summary>
    internal int IndexOf(Guid serviceId)
    {
        // Two racing requests may both build it; either copy is right.
        var positions = LazyInitializer.EnsureInitialized(ref _positions, () =>
        {
            var map = new Dictionary<Guid, int>(_candidates.Length);
            for (var i = 0; i < _candidates.Length; i++)
            {
                map[_candidates[i].ServiceId] = i;
            }

            return map;
        });
        return positions.TryGetValue(serviceId, out var index) ? index : -1;
    }

    /// <summary>A directory with this candidate added, or replacing the one with the same service id.</summary>
    public CandidateDirectory With(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var index = Array.FindIndex(_candidates, c => c.ServiceId == candidate.ServiceId);
        var copy = index < 0 ? [.. _candidates, candidate] : (Candidate[])_candidates.Clone();
        if (index >= 0)
        {
            copy[index] = candidate;
        }

        return new CandidateDirectory(copy);
    }

    /// <summary>A directory without the given service; this one when it is not there.</summary>
    public CandidateDirectory Without(Guid serviceId) =>
        Array.Exists(_candidates, c => c.ServiceId == serviceId)
            ? new CandidateDirectory(Array.FindAll(_candidates, c => c.ServiceId != serviceId))
            : this;

    /// <summary>Distinct values numbered in order of first appearance.</summary>
    private sealed class Table<T>
        where T : notnull
    {
        private readonly Dictionary<T, int> _numbers = [];

        public List<T> Values { get; } = [];

        public int Intern(T value)
        {
            if (!_numbers.TryGetValue(value, out var number))
            {
                number = Values.Count;
                _numbers.Add(value, number);
                Values.Add(value);
            }

            return number;
        }
    }
}
