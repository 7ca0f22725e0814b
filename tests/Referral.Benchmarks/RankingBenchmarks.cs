using BenchmarkDotNet.Attributes;
using Referral.Domain.Geography;
using Referral.Domain.Personality;
using Referral.Matching;

namespace Referral.Benchmarks;

/// <summary>
/// Ranking 1,000,000 services for one profile: the budget is 10 ms median on one core (and
/// 100,000 in 5 ms), with allocations that grow with the limit, not the directory.
/// </summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 6, 1);

    private CandidateDirectory _directory = CandidateDirectory.Empty;

    private KeyValuePair<Guid, TrackRecord>[] _ownReferrals = [];

    [Params(1_000, 100_000, 1_000_000)]
    public int Services { get; set; }

    [Params(10, 50)]
    public int Limit { get; set; }

    /// <summary>Never used peer support, no format preference (so the variety rule runs), reserved and lonely.</summary>
    public static Patient FirstTimer { get; } = new()
    {
        BirthYear = 1961,
        Location = new GeoPoint(53.79737, -1.55312),
        MaxTravelKm = 15,
        Conditions = ["depression", "anxiety"],
        Communities = ["carers"],
        Availability = ["weekday-evening", "weekend-morning"],
        HasUsedPeerSupport = false,
        Personality = new TipiTraits(2.5, 5, 4, 3.5, 5),
        Loneliness = new LonelinessScore(7, true),
    };

    /// <summary>Has used peer support, ranks her own priorities, prefers online groups, needs Polish and step-free access.</summary>
    public static Patient Experienced { get; } = new()
    {
        BirthYear = 1990,
        Location = new GeoPoint(53.47768, -2.23674),
        MaxTravelKm = 30,
        Conditions = ["perinatal-mental-health"],
        Communities = ["new-parents", "women"],
        Languages = ["pl", "en"],
        NeedsInterpreter = true,
        AccessibilityNeeds = ["step-free-access"],
        PreferredFormats = ["online-group"],
        AvoidFormats = ["messages"],
        CostLimit = "low-cost",
        HasUsedPeerSupport = true,
        FactorPriorities = ["convenient-time", "similar-experiences", "free-of-charge"],
    };

    [GlobalSetup]
    public void Setup()
    {
        _directory = SyntheticDirectory.Build(Services, seed: 20180501);
        // A busy practice that has closed referrals to 200 services (or every fifth of a small
        // directory): each is shown the other practices' record instead of the pooled one.
        _ownReferrals = _directory.Candidates
            .Where((_, i) => i % Math.Max(5, Services / 200) == 0)
            .Select(c => new KeyValuePair<Guid, TrackRecord>(c.ServiceId, new TrackRecord(20, 12, 8, 4)))
            .ToArray();
        TrackRecordOverrides.For(_directory, _ownReferrals);
    }

    [Benchmark(Baseline = true)]
    public MatchResult RankFirstTimer() => MatchingEngine.Rank(FirstTimer, _directory, Limit, AsOf);

    [Benchmark]
    public MatchResult RankExperienced() => MatchingEngine.Rank(Experienced, _directory, Limit, AsOf);

    /// <summary>As a practice's request is ranked: its own view of the services it referred to is built, then applied.</summary>
    [Benchmark]
    public MatchResult RankFirstTimerWithOwnRecords() =>
        MatchingEngine.Rank(FirstTimer, _directory, Limit, AsOf, TrackRecordOverrides.For(_directory, _ownReferrals));
}
