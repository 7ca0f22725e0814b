using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

/// <summary>
/// What a ranking allocates must grow with the number of results, not with the directory: the
/// engine scans every service on every request. (Speed is measured by tests/Referral.Benchmarks.)
/// </summary>
public sealed class AllocationTests
{
    private static readonly string[][] FormatChoices =
        [["in-person-group"], ["online-group"], ["messages"], ["one-to-one-remote", "online-community"], ["one-to-one-in-person", "online-group"]];

    [Fact]
    public void Ranking_ten_times_more_services_allocates_no_more_per_service()
    {
        var patient = Patients.InLeeds with { Conditions = ["depression"], Availability = ["weekday-evening"], MaxTravelKm = 30 };
        var small = DirectoryOf(2_000);
        var large = DirectoryOf(20_000);
        MatchingEngine.Rank(patient, small, 10, Patients.AsOf);
        MatchingEngine.Rank(patient, large, 10, Patients.AsOf);

        var forSmall = Allocated(() => MatchingEngine.Rank(patient, small, 10, Patients.AsOf));
        var forLarge = Allocated(() => MatchingEngine.Rank(patient, large, 10, Patients.AsOf));

        // 18,000 more services: even 8 bytes each would add 144 KB.
        Assert.InRange(forLarge, 0, forSmall + 32 * 1024);
    }

    [Fact]
    public void A_practices_own_track_records_add_nothing_per_service()
    {
        var patient = Patients.InLeeds with { Conditions = ["depression"], MaxTravelKm = 30 };
        var small = DirectoryOf(2_000);
        var large = DirectoryOf(20_000);
        var own = Enumerable.Range(1, 40).Select(n => new KeyValuePair<Guid, TrackRecord>(Ids.Of(n * 37), new TrackRecord(20, 10, 5, 3))).ToArray();
        var forSmall = TrackRecordOverrides.For(small, own);
        var forLarge = TrackRecordOverrides.For(large, own);
        MatchingEngine.Rank(patient, small, 10, Patients.AsOf, forSmall);
        MatchingEngine.Rank(patient, large, 10, Patients.AsOf, forLarge);

        var plain = Allocated(() => MatchingEngine.Rank(patient, large, 10, Patients.AsOf));
        var overridden = Allocated(() => MatchingEngine.Rank(patient, large, 10, Patients.AsOf, forLarge));
        var overriddenSmall = Allocated(() => MatchingEngine.Rank(patient, small, 10, Patients.AsOf, forSmall));

        Assert.InRange(overridden, 0, overriddenSmall + 32 * 1024);
        // Only the explained items that were overridden cost anything more (a copy each).
        Assert.InRange(overridden, 0, plain + 16 * 1024);
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static CandidateDirectory DirectoryOf(int count) => CandidateDirectory.From(
        Enumerable.Range(1, count).Select(n => new ServiceSpec
        {
            Id = Ids.Of(n),
            Formats = FormatChoices[n % FormatChoices.Length],
            Venue = Places.All[n % Places.All.Length],
            Conditions = n % 3 == 0 ? ["depression"] : [],
            Cost = n % 7 == 0 ? "paid" : "free",
            Evidence = n % 4 == 0 ? "trial" : "participant-feedback",
            Status = n % 20 == 0 ? "paused" : "active",
        }.Compile()));
}
