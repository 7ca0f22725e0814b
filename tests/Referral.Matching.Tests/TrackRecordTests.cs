using System.Text.Json;
using CsCheck;
using Referral.Domain.Referrals;
using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

/// <summary>
/// What a practice is shown of a service's track record: nothing below the floor, bands above
/// it (in the scores as much as in the words), and for the services it referred to itself, the
/// other practices' record alone, given per ranking as sparse overrides.
/// </summary>
public sealed class TrackRecordTests
{
    private const string Neutral = "Too few referrals through Referral yet to judge, so this is neutral.";

    private static readonly ServiceSpec Gp = new() { Routes = ["gp"] };

    [Theory]
    [InlineData(9, 9, 5)]
    [InlineData(50, 50, 2)]
    [InlineData(0, 0, 0)]
    public void Below_the_floor_a_record_scores_and_reads_exactly_as_no_record(int referrals, int completed, int practices)
    {
        var none = Engine.Rank(Patients.InLeeds, Gp).Items.Single();
        var item = Engine.Rank(Patients.InLeeds, Gp with { Record = new TrackRecord(referrals, completed, completed, practices) }).Items.Single();

        Assert.Equal(Json(none), Json(item));
        Assert.Equal(Neutral, Factor(item, "peer-recommendation").Reason);
        Assert.Equal(0.5, Factor(item, "peer-recommendation").Score);
    }

    [Theory]
    [InlineData(10, 3, 3, 10, 3, "about 3 in 10")]
    [InlineData(17, 11, 4, 10, 6, "about 6 in 10")]
    [InlineData(20, 5, 3, 20, 3, "about 3 in 10")]
    [InlineData(29, 15, 3, 20, 5, "about half")]
    [InlineData(45, 1, 6, 40, 0, "fewer than 1 in 20")]
    [InlineData(45, 44, 6, 40, 10, "nearly all")]
    public void From_the_floor_the_number_and_share_are_shown_and_scored_in_bands(
        int referrals, int completed, int practices, int referralBand, int tenths, string share)
    {
        var item = Engine.Rank(Patients.InLeeds, Gp with { Record = new TrackRecord(referrals, completed, completed, practices) }).Items.Single();

        var peer = Factor(item, "peer-recommendation");
        var people = $"the {referralBand} or more people other practices have referred through Referral";
        // Worded for its band: a poor score (under 0.4) leads with what is missing.
        Assert.Equal(
            Banded(referralBand, tenths) < 0.4 ? $"Few of {people} completed it: {share}." : $"Of {people}, {share} completed it.",
            peer.Reason);
        Assert.Equal(Banded(referralBand, tenths), peer.Score, 12);

        var endorsement = Factor(item, "professional-endorsement");
        Assert.Contains($"clinicians at other practices endorsed {share} of the {referralBand} or more referrals", endorsement.Reason);
        Assert.Equal(0.6 + 0.4 * Banded(referralBand, tenths), endorsement.Score, 12);
    }

    [Fact]
    public void Records_in_the_same_bands_give_identical_items()
    {
        // 11 of 17 and 12 of 19 are both "about 6 in 10 of 10 or more".
        var a = Engine.Rank(Patients.InLeeds, Gp with { Record = new TrackRecord(17, 11, 11, 4) }).Items.Single();
        var b = Engine.Rank(Patients.InLeeds, Gp with { Record = new TrackRecord(19, 12, 12, 3) }).Items.Single();

        Assert.Equal(Json(a), Json(b));
    }

    [Fact]
    public void The_disclosure_rules_round_as_published()
    {
        Assert.False(TrackRecordDisclosure.IsShown(9, 9));
        Assert.False(TrackRecordDisclosure.IsShown(100, 2));
        Assert.True(TrackRecordDisclosure.IsShown(10, 3));
        Assert.Equal(10, TrackRecordDisclosure.BandReferrals(19));
        Assert.Equal(20, TrackRecordDisclosure.BandReferrals(20));
        Assert.Equal(3, TrackRecordDisclosure.BandShare(5, 20));
        Assert.Equal(2, TrackRecordDisclosure.BandShare(24, 100));
        Assert.Equal(0, TrackRecordDisclosure.BandShare(0, 0));
        Assert.Equal(0, TrackRecordDisclosure.ReferralBand % TrackRecordDisclosure.ShareBands);
    }

    [Fact]
    public void A_practices_own_part_is_taken_out_of_the_pooled_record()
    {
        var pooled = new TrackRecord(30, 20, 10, 4);

        Assert.Equal(new TrackRecord(25, 15, 10, 3), pooled.Without(new TrackRecord(5, 5, 0, 1)));
        Assert.Throws<ArgumentException>(() => pooled.Without(new TrackRecord(31, 0, 0, 1)));
    }

    [Fact]
    public void An_override_replaces_the_record_of_its_service_only_in_scores_and_words()
    {
        var shown = new TrackRecord(30, 30, 30, 5);
        var directory = Engine.DirectoryOf(
            Gp with { Id = Ids.Of(1), Record = shown },
            Gp with { Id = Ids.Of(2), Record = shown },
            Gp with { Id = Ids.Of(3), Record = shown });
        var overrides = TrackRecordOverrides.For(directory, [new(Ids.Of(2), new TrackRecord(9, 0, 0, 2))]);

        var result = MatchingEngine.Rank(Patients.InLeeds, directory, 10, Patients.AsOf, overrides);

        var neutral = Engine.Rank(Patients.InLeeds, Gp with { Id = Ids.Of(2) }).Items.Single();
        var overridden = result.Items.Single(i => i.ServiceId == Ids.Of(2));
        Assert.Equal(Json(neutral with { Rank = overridden.Rank }), Json(overridden));
        Assert.All(result.Items.Where(i => i.ServiceId != Ids.Of(2)), i => Assert.Contains("nearly all", Factor(i, "peer-recommendation").Reason));
        Assert.Equal(3, result.Items[^1].Rank);
        Assert.Equal(Ids.Of(2), result.Items[^1].ServiceId);
    }

    [Fact]
    public void An_override_of_an_excluded_service_does_not_stop_the_next_one_applying()
    {
        var directory = Engine.DirectoryOf(
            Gp with { Id = Ids.Of(1), Status = "paused" },
            Gp with { Id = Ids.Of(2) },
            Gp with { Id = Ids.Of(3) });
        // Given out of order, and with a service the directory no longer has.
        var overrides = TrackRecordOverrides.For(directory, [
            new(Ids.Of(3), new TrackRecord(40, 40, 40, 4)),
            new(Ids.Of(99), new TrackRecord(40, 40, 40, 4)),
            new(Ids.Of(1), new TrackRecord(40, 40, 40, 4)),
        ]);

        var result = MatchingEngine.Rank(Patients.InLeeds, directory, 10, Patients.AsOf, overrides);

        Assert.Equal(2, overrides.Count);
        Assert.Equal([Ids.Of(3), Ids.Of(2)], result.Items.Select(i => i.ServiceId));
        Assert.Contains("nearly all", Factor(result.Items[0], "peer-recommendation").Reason);
        Assert.Equal(Neutral, Factor(result.Items[1], "peer-recommendation").Reason);
    }

    [Fact]
    public void Overrides_work_only_with_the_directory_they_were_built_for_and_once_per_service()
    {
        var directory = Engine.DirectoryOf(new ServiceSpec());
        var overrides = TrackRecordOverrides.For(directory, [new(Ids.Of(1), new TrackRecord(12, 6, 6, 3))]);
        var rebuilt = Engine.DirectoryOf(new ServiceSpec());

        Assert.Throws<ArgumentException>(() => MatchingEngine.Rank(Patients.InLeeds, rebuilt, 10, Patients.AsOf, overrides));
        Assert.Throws<ArgumentException>(() => TrackRecordOverrides.For(directory, [new(Ids.Of(1), TrackRecord.None), new(Ids.Of(1), TrackRecord.None)]));
    }

    [Fact]
    public void Ranking_with_overrides_is_ranking_a_directory_compiled_with_those_records()
    {
        Gen.Select(Generators.Patient, Generators.Services, Generators.Record.Array[0, 8], Gen.Int[1, 25]).Sample((patient, services, records, limit) =>
        {
            var directory = CandidateDirectory.From(services.Select(s => s.Compile()));
            var replaced = services.Zip(records).ToDictionary(p => p.First.Id, p => p.Second);
            var recompiled = CandidateDirectory.From(services.Select(s =>
                (replaced.TryGetValue(s.Id, out var record) ? s with { Record = record } : s).Compile()));

            var overridden = MatchingEngine.Rank(patient, directory, limit, Patients.AsOf, TrackRecordOverrides.For(directory, replaced));
            var expected = MatchingEngine.Rank(patient, recompiled, limit, Patients.AsOf);

            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(overridden));
        });
    }

    /// <summary>The smoothed share worked out from the banded figures: tenths of a band of referrals, as if ten more had gone half each way.</summary>
    private static double Banded(int referralBand, int tenths) => (tenths * referralBand / 10.0 + 5) / (referralBand + 10);

    private static FactorScore Factor(Match item, string code) => item.Factors.Single(f => f.Factor == code);

    private static string Json(Match item) => JsonSerializer.Serialize(item);
}
