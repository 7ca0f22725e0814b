using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Referral.Domain.Vocabulary;
using Referral.Matching.Ranking;
using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

/// <summary>The rules of issue 15 for any patient and any directory.</summary>
public sealed partial class QualityPropertyTests
{
    private static readonly Gen<(Patient Patient, ServiceSpec[] Services, int Limit)> Cases =
        Gen.Select(Generators.Patient, Generators.Services, Gen.Int[1, 25]);

    [Fact]
    public void A_service_aimed_only_at_needs_the_patient_does_not_have_is_never_listed_so_never_outranks_a_relevant_one()
    {
        Cases.Sample((patient, services, limit) =>
        {
            var byId = services.ToDictionary(s => s.Id);
            foreach (var item in Rank(patient, services, limit).Items)
            {
                Assert.True(Oracle.IsRelevant(patient, byId[item.ServiceId]), $"{item.ServiceName} is aimed only at other needs");
            }
        });
    }

    [Fact]
    public void Where_the_patient_gave_no_answer_on_times_or_formats_every_service_scores_alike_on_them()
    {
        var unanswered = Generators.Patient.Select(p => p with { Availability = [], PreferredFormats = [], Personality = null, Loneliness = null });
        Gen.Select(unanswered, Generators.Services, Gen.Int[1, 25]).Sample((patient, services, limit) =>
        {
            foreach (var item in Rank(patient, services, limit).Items)
            {
                Assert.Equal(0.5, item.Factors.Single(f => f.Factor == "convenient-time").Score);
                Assert.Equal(0.5, item.Factors.Single(f => f.Factor == "preferred-format").Score);
            }
        });
    }

    [Fact]
    public void Every_reason_is_worded_for_its_score_band_never_praising_a_poor_score_nor_running_down_a_good_one()
    {
        Cases.Sample((patient, services, limit) =>
        {
            foreach (var factor in Rank(patient, services, limit).Items.SelectMany(i => i.Factors))
            {
                var reason = factor.Reason;
                if (factor.Score >= 0.7)
                {
                    Assert.False(Negative().IsMatch(reason), $"{factor.Factor} scores {factor.Score} (good) but reads: {reason}");
                }
                else if (factor.Score < 0.4)
                {
                    Assert.True(Negative().IsMatch(reason), $"{factor.Factor} scores {factor.Score} (poor) but says nothing is missing: {reason}");
                    Assert.False(FitClaim().IsMatch(reason), $"{factor.Factor} scores {factor.Score} (poor) but claims a fit: {reason}");
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void With_no_preferred_format_the_first_three_hold_a_local_and_a_remote_option_whenever_both_are_eligible()
    {
        Cases.Where((p, _, limit) => p.PreferredFormats.Count == 0 && limit >= 2).Sample((patient, services, limit) =>
        {
            var eligible = Eligible(patient, services);
            var items = Rank(patient, services, limit).Items;
            if (eligible.Any(e => e.Local) && eligible.Any(e => e.Remote))
            {
                var first = items.Take(3).SelectMany(i => i.Formats).ToList();
                Assert.Contains(first, IsInPerson);
                Assert.Contains(first, f => !IsInPerson(f));
            }
        });
    }

    [Fact]
    public void With_no_preferred_format_no_more_than_two_of_the_first_three_come_from_one_organisation_whenever_the_eligible_services_allow()
    {
        Cases.Where((p, _, limit) => p.PreferredFormats.Count == 0 && limit >= 3).Sample((patient, services, limit) =>
        {
            var eligible = Eligible(patient, services);
            var items = Rank(patient, services, limit).Items;
            if (items.Count < 3)
            {
                return;
            }

            // Some two services with the best one would meet both rules: then the list must.
            var best = eligible.Single(e => e.Service.Id == items[0].ServiceId);
            var needBoth = eligible.Any(e => e.Local) && eligible.Any(e => e.Remote);
            var others = eligible.Where(e => e != best).ToList();
            var possible = others.SelectMany((x, i) => others.Skip(i + 1).Select(y => new[] { best, x, y }))
                .Any(three => (!needBoth || (three.Any(e => e.Local) && three.Any(e => e.Remote))) && three.Select(e => e.Organisation).Distinct().Count() > 1);
            if (possible)
            {
                var byId = eligible.ToDictionary(e => e.Service.Id);
                Assert.True(items.Take(3).Select(i => byId[i.ServiceId].Organisation).Distinct().Count() > 1, "three of one organisation");
            }
        });
    }

    [Fact]
    public void Pruning_changes_nothing_the_ranking_is_byte_identical_with_and_without_it()
    {
        // Large enough directories that the list fills and most services can be pruned, with
        // each practice's own track records (never pruned) in play half the time. Pruned one
        // service at a time, and eight at a time with SIMD where the machine has it.
        var records = Gen.Select(Generators.Record, Gen.Int[0, 1]);
        Gen.Select(Generators.Patient, Generators.Service.Array[0, 300], Gen.Int[1, 12], records.Array[300]).Sample((patient, specs, limit, own) =>
        {
            var services = specs.DistinctBy(s => s.Id).ToArray();
            var directory = Engine.DirectoryOf(services);
            var overrides = TrackRecordOverrides.For(directory, services
                .Select((s, i) => (s.Id, Own: own[i]))
                .Where(x => x.Own.Item2 == 1)
                .Select(x => new KeyValuePair<Guid, TrackRecord>(x.Id, x.Own.Item1)));
            foreach (var trackRecords in new[] { null, overrides })
            {
                var full = JsonSerializer.Serialize(MatchingEngine.Rank(patient, directory, limit, Patients.AsOf, trackRecords, Screening.Reference));
                Assert.Equal(full, JsonSerializer.Serialize(MatchingEngine.Rank(patient, directory, limit, Patients.AsOf, trackRecords, Screening.Scalar)));
                Assert.Equal(full, JsonSerializer.Serialize(MatchingEngine.Rank(patient, directory, limit, Patients.AsOf, trackRecords, Screening.Vector)));
            }
        }, iter: 150);
    }

    private static bool IsInPerson(string format) => Formats.Find(format)!.InPerson;

    private static List<Eligibility> Eligible(Patient patient, ServiceSpec[] services) =>
        services
            .Select(s => (Service: s, Verdict: Oracle.Check(patient, s, Patients.AsOf)))
            .Where(x => x.Verdict.Reason is null)
            .Select(x => new Eligibility(
                x.Service,
                x.Verdict.Offered.Any(IsInPerson),
                x.Verdict.Offered.Any(f => !IsInPerson(f)),
                new string(x.Service.Organisation.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray())))
            .ToList();

    private static MatchResult Rank(Patient patient, ServiceSpec[] services, int limit) =>
        MatchingEngine.Rank(patient, Engine.DirectoryOf(services), limit, Patients.AsOf);

    // Plain negatives and shortfalls: what a reason for a poor score says, and one for a good score never does.
    [GeneratedRegex(@"\b(not|no|none|nothing|never|neither|nor|without|cannot|rather than|hardly|few|little|less)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negative();

    // Claims that a service fits the patient: never made of a poor score.
    [GeneratedRegex(@"\b(suits|fits|which you named|which you said you would like|when you said you are free|meets your access needs|free to you|run by and for)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FitClaim();

    private sealed record Eligibility(ServiceSpec Service, bool Local, bool Remote, string Organisation);
}
