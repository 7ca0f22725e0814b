using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

public sealed class CandidateDirectoryTests
{
    private static readonly Candidate First = new ServiceSpec { Id = Ids.Of(1), Name = "First" }.Compile();
    private static readonly Candidate Second = new ServiceSpec { Id = Ids.Of(2), Name = "Second" }.Compile();

    [Fact]
    public void With_adds_a_new_service_and_leaves_the_old_directory_as_it_was()
    {
        var before = CandidateDirectory.From([First]);

        var after = before.With(Second);

        Assert.Equal(1, before.Count);
        Assert.Equal([Ids.Of(1), Ids.Of(2)], after.Candidates.Select(c => c.ServiceId));
    }

    [Fact]
    public void With_replaces_the_service_with_the_same_id()
    {
        var renamed = new ServiceSpec { Id = Ids.Of(1), Name = "Renamed" }.Compile();

        var after = CandidateDirectory.From([First, Second]).With(renamed);

        Assert.Equal(2, after.Count);
        Assert.Equal("Renamed", after.Find(Ids.Of(1))!.Name);
        Assert.Equal("Renamed", MatchingEngine.Rank(Patients.InLeeds, after, 5, Patients.AsOf).Items[0].ServiceName);
    }

    [Fact]
    public void Without_removes_a_service_and_ignores_an_unknown_id()
    {
        var directory = CandidateDirectory.From([First, Second]);

        Assert.Equal([Ids.Of(2)], directory.Without(Ids.Of(1)).Candidates.Select(c => c.ServiceId));
        Assert.Same(directory, directory.Without(Ids.Of(9)));
        Assert.Null(directory.Without(Ids.Of(1)).Find(Ids.Of(1)));
    }

    [Fact]
    public void A_directory_refuses_two_entries_for_one_service()
    {
        Assert.Throws<ArgumentException>(() => CandidateDirectory.From([First, First]));
    }

    [Fact]
    public void A_track_record_cannot_claim_more_completions_than_referrals_or_referrals_without_a_practice()
    {
        Assert.Throws<ArgumentException>(() => new ServiceSpec { Record = new TrackRecord(1, 2, 0, 1) }.Compile());
        Assert.Throws<ArgumentException>(() => new ServiceSpec { Record = new TrackRecord(3, 1, 0, 0) }.Compile());
        Assert.Throws<ArgumentException>(() => new ServiceSpec { Record = new TrackRecord(3, 1, 0, 4) }.Compile());
    }

    [Fact]
    public void Ranking_an_empty_directory_gives_no_items_and_zero_counts()
    {
        var result = MatchingEngine.Rank(Patients.InLeeds, CandidateDirectory.Empty, 10, Patients.AsOf);

        Assert.Empty(result.Items);
        Assert.Equal(0, result.CandidatesConsidered);
        Assert.All(result.Exclusions.Values, v => Assert.Equal(0, v));
    }
}
