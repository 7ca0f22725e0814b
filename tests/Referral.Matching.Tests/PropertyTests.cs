using System.Text.Json;
using CsCheck;
using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

/// <summary>Rules that must hold for any patient and any directory.</summary>
public sealed class PropertyTests
{
    private static readonly Gen<(Patient Patient, ServiceSpec[] Services, int Limit)> Cases =
        Gen.Select(Generators.Patient, Generators.Services, Gen.Int[1, 25]);

    [Fact]
    public void No_excluded_service_is_ever_returned_and_every_exclusion_is_counted_under_its_reason()
    {
        Cases.Sample((patient, services, limit) =>
        {
            var result = Rank(patient, services, limit);
            var verdicts = services.ToDictionary(s => s.Id, s => Oracle.Check(patient, s, Patients.AsOf));

            foreach (var item in result.Items)
            {
                var (reason, offered) = verdicts[item.ServiceId];
                Assert.Null(reason);
                Assert.Equal(offered.Order(), item.Formats.Order());
            }

            foreach (var code in Oracle.ReasonCodes)
            {
                var expected = verdicts.Values.Count(v => v.Reason == code);
                Assert.True(expected == result.Exclusions[code], $"{code}: {expected} expected, {result.Exclusions[code]} counted");
            }

            var eligible = verdicts.Values.Count(v => v.Reason is null);
            Assert.Equal(Math.Min(limit, eligible), result.Items.Count);
            Assert.Equal(services.Length, result.CandidatesConsidered);
        });
    }

    [Fact]
    public void Every_factor_score_is_between_0_and_1_and_the_total_is_their_weighted_sum()
    {
        Cases.Sample((patient, services, limit) =>
        {
            foreach (var item in Rank(patient, services, limit).Items)
            {
                Assert.Equal(12, item.Factors.Count);
                Assert.All(item.Factors, f => Assert.InRange(f.Score, 0, 1));
                Assert.All(item.Factors, f => Assert.Equal(f.Weight * f.Score, f.Contribution, 12));
                Assert.All(item.Factors, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
                Assert.InRange(item.Total, 0, 1);
                Assert.Equal(item.Factors.Sum(f => f.Contribution), item.Total, 9);
                Assert.Equal((int)Math.Round(item.Total * 100, MidpointRounding.AwayFromZero), item.Score);
            }
        });
    }

    [Fact]
    public void Weights_sum_to_one_for_every_cohort_and_ranking()
    {
        Generators.Patient.Sample(patient =>
        {
            var result = MatchingEngine.Rank(patient, CandidateDirectory.Empty, 5, Patients.AsOf);
            Assert.Equal(1, result.Weights.Factors.Sum(f => f.Weight), 12);
            Assert.Equal(12, result.Weights.Factors.Select(f => f.Factor).Distinct().Count());
        });
    }

    [Fact]
    public void The_same_input_gives_identical_output_whatever_order_the_directory_is_in()
    {
        Gen.Select(Cases, Gen.Int).Sample((@case, seed) =>
        {
            var (patient, services, limit) = @case;
            var random = new Random(seed);
            var shuffled = services.OrderBy(_ => random.Next()).ToArray();
            var first = Json(Rank(patient, services, limit));
            Assert.Equal(first, Json(Rank(patient, services, limit)));
            Assert.Equal(first, Json(Rank(patient, shuffled, limit)));
        });
    }

    [Fact]
    public void A_shorter_list_is_the_top_of_the_full_ranking_when_a_format_is_preferred()
    {
        // With a stated preference the variety rule is off, so the bounded top-K must agree
        // exactly with ranking everything.
        Cases.Where((p, _, _) => p.PreferredFormats.Count > 0).Sample((patient, services, limit) =>
        {
            var everything = Rank(patient, services, Math.Max(1, services.Length));
            var top = Rank(patient, services, limit);
            Assert.Equal(everything.Items.Take(limit).Select(i => i.ServiceId), top.Items.Select(i => i.ServiceId));
        });
    }

    [Fact]
    public void Items_come_best_first_with_ties_by_id_apart_from_the_services_the_choice_rule_moved_up_and_reported()
    {
        Cases.Sample((patient, services, limit) =>
        {
            var result = Rank(patient, services, limit);
            var items = result.Items;
            Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.Rank));
            if (patient.PreferredFormats.Count > 0)
            {
                Assert.Empty(result.Variety);
            }

            // Every move is reported where the service now stands, within the first three.
            foreach (var move in result.Variety)
            {
                Assert.InRange(move.Rank, 2, 3);
                Assert.Equal(move.ServiceId, items[move.Rank - 1].ServiceId);
                Assert.StartsWith($"Moved up to {(move.Rank == 2 ? "2nd" : "3rd")} place so that", move.Reason);
            }

            // Without the moved services, the list is best first; the best service is never moved.
            var moved = result.Variety.Select(m => m.ServiceId).ToHashSet();
            Assert.True(IsBestFirst(items.Where(i => !moved.Contains(i.ServiceId)).ToList()));
            Assert.DoesNotContain(items.Count > 0 ? items[0].ServiceId : Guid.Empty, moved);
        });
    }

    private static bool IsBestFirst(IReadOnlyList<Match> items) =>
        items.Zip(items.Skip(1)).All(p => p.First.Total > p.Second.Total || (p.First.Total == p.Second.Total && p.First.ServiceId.CompareTo(p.Second.ServiceId) < 0));

    private static MatchResult Rank(Patient patient, ServiceSpec[] services, int limit) =>
        MatchingEngine.Rank(patient, Engine.DirectoryOf(services), limit, Patients.AsOf);

    private static string Json(MatchResult result) => JsonSerializer.Serialize(result);
}
