using Referral.Data.Demo;
using Referral.Domain.Factors;
using Referral.Domain.Outcomes;
using Referral.Domain.Personality;
using Referral.Domain.Profiles;
using Referral.Domain.Referrals;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Demo;

/// <summary>
/// A realistic synthetic cohort for demos, with effects put in on purpose so the insights have
/// something to find (and a test can check they find it). Every number below is the simulation's
/// assumption, not evidence:
/// <list type="bullet">
/// <item>a referral is taken up (reaches started) with probability <see cref="BaseUptake"/>, plus
/// the endorsement effect of its cohort if endorsed (<see cref="EndorsementEffect"/>: never-used
/// +0.20, has-used +0.04, unknown +0.10), plus a format-personality effect (reserved people +0.10
/// with messages or an online community, -0.15 with an in-person group; outgoing people +0.10 with
/// an in-person group);</item>
/// <item>it reaches contacted with that probability plus <see cref="ContactMargin"/>, and
/// completes once started with probability <see cref="Completion"/>;</item>
/// <item>ONS4 life satisfaction rises by 1.0 on average from baseline to follow-up for those who
/// completed and by 0.3 for those who did not; anxiety falls by 0.8 and 0.2.</item>
/// </list>
/// </summary>
public sealed class SyntheticCohort(int seed, DateTimeOffset now)
{
    public const double BaseUptake = 0.35;
    public const double ContactMargin = 0.25;
    public const double Completion = 0.6;

    public static readonly IReadOnlyDictionary<string, double> EndorsementEffect = new Dictionary<string, double>
    {
        ["never-used"] = 0.20,
        ["has-used"] = 0.04,
        ["unknown"] = 0.10,
    };

    public static readonly IReadOnlyList<string> Practices = ["A81001", "A81002", "A81003", "A81004", "A81005", "A81006", "B82001", "B82002", "B82003", "C83001", "C83002", "C83003"];

    private readonly SplitMix64 _random = new(seed);

    /// <summary>A profile for one simulated patient, as a practice would record it.</summary>
    public ProfileInput Profile(int n)
    {
        var cohortRoll = _random.NextDouble();
        bool? used = cohortRoll < 0.55 ? false : cohortRoll < 0.9 ? true : null;
        var tipi = Enumerable.Range(0, Tipi.Items).Select(_ => _random.Next(Tipi.Min, Tipi.Max + 1)).ToList();
        var ucla3 = Enumerable.Range(0, Ucla3.Items).Select(_ => _random.Next(Ucla3.Min, Ucla3.Max + 1)).ToList();
        return new ProfileInput
        {
            PatientRef = $"SIM-{seed}-{n:D7}",
            BirthYear = now.Year - _random.Next(18, 90),
            Postcode = "LS6",
            Conditions = ["loneliness"],
            HasUsedPeerSupport = used,
            Personality = new PersonalityAnswers { Tipi = tipi, Ucla3 = ucla3 },
            FactorPriorities = _random.NextDouble() < 0.6 ? Ranking(Cohorts.From(used)) : null,
            Consent = new ConsentInput { StoreProfile = true, ShareWithProvider = true, RecordedBy = "demo-simulation", RecordedAt = now },
        };
    }

    /// <summary>The patient's own top five factors: the cohort's prior order, shuffled by noise.</summary>
    private List<string> Ranking(Cohort cohort) =>
        DecisionFactors.All
            .OrderBy(f => (cohort == Cohort.HasUsed ? f.PriorRankHasUsed : cohort == Cohort.NeverUsed ? f.PriorRankNeverUsed : (f.PriorRankHasUsed + f.PriorRankNeverUsed) / 2.0) + (Gaussian() * 2.5))
            .Take(5).Select(f => f.Code).ToList();

    public SyntheticReferral Referral(Guid profileId, ProfileInput profile, (Guid Id, string? Format) service)
    {
        var cohort = Cohorts.From(profile.HasUsedPeerSupport).Code();
        var band = ExtraversionBands.Of(Tipi.Score(profile.Personality!.Tipi!).Extraversion);
        var lonely = Ucla3.Score(profile.Personality.Ucla3!).Lonely;
        var endorsed = _random.NextDouble() < 0.5;
        var uptake = BaseUptake + (endorsed ? EndorsementEffect[cohort] : 0) + FormatEffect(band, service.Format);
        var roll = _random.NextDouble();
        var contacted = roll < uptake + ContactMargin;
        var started = roll < uptake;
        var completed = started && _random.NextDouble() < Completion;

        var at = now.AddDays(-_random.Next(1, 360)).AddMinutes(-_random.Next(0, 600));
        var events = new List<(string, string?, DateTimeOffset)> { (ReferralStatuses.Proposed, null, at) };
        void Step(string status, string? reason = null)
        {
            at = at.AddDays(_random.Next(1, 8));
            events.Add((status, reason, at > now ? now : at));
        }

        Step(ReferralStatuses.Offered);
        if (contacted)
        {
            Step("contacted");
        }

        if (started)
        {
            Step("started");
            Step(completed ? "completed" : "dropped-out");
        }
        else
        {
            Step("declined", DeclineReason(service.Format, band));
        }

        var baseline = _random.NextDouble() < 0.8 ? Ons4(5.5, 0) : null;
        (Ons4Answers, IReadOnlyList<int>, DateTimeOffset)? followUp = null;
        if (started && baseline is not null && _random.NextDouble() < 0.8)
        {
            var gain = completed ? 1.0 : 0.3;
            var calm = completed ? 0.8 : 0.2;
            var answers = new Ons4Answers(
                Clip(baseline.LifeSatisfaction + gain + (Gaussian() * 1.2)), Clip(baseline.Worthwhile + gain + (Gaussian() * 1.2)),
                Clip(baseline.Happiness + gain + (Gaussian() * 1.5)), Clip(baseline.Anxiety - calm + (Gaussian() * 1.5)));
            var startedAt = events.First(e => e.Item1 == "started").Item3;
            followUp = (answers, [_random.Next(1, 4), _random.Next(1, 3), _random.Next(1, 3)], startedAt.AddDays(_random.Next(28, 90)) is var f && f > now ? now : f);
        }

        return new SyntheticReferral(
            Guid.NewGuid(), Practices[_random.Next(Practices.Count)], profileId, service.Id, service.Format, cohort,
            AgeBands.For(profile.BirthYear, now.Year), band, lonely, endorsed, events, baseline, followUp);
    }

    public static double FormatEffect(string band, string? format) => (band, format) switch
    {
        (ExtraversionBands.Reserved, Formats.Messages or Formats.OnlineCommunity) => 0.10,
        (ExtraversionBands.Reserved, Formats.InPersonGroup) => -0.15,
        (ExtraversionBands.Outgoing, Formats.InPersonGroup) => 0.10,
        _ => 0,
    };

    private string DeclineReason(string? format, string band)
    {
        // Reserved people offered a group say the format does not suit them more often.
        if (format == Formats.InPersonGroup && band == ExtraversionBands.Reserved && _random.NextDouble() < 0.5)
        {
            return "format";
        }

        string[] reasons = ["not-for-me", "format", "time", "distance", "cost", "other"];
        double[] weights = [0.35, 0.15, 0.2, format is Formats.InPersonGroup or Formats.OneToOneInPerson ? 0.2 : 0.02, 0.03, 0.07];
        var roll = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < reasons.Length; i++)
        {
            roll -= weights[i];
            if (roll <= 0)
            {
                return reasons[i];
            }
        }

        return "other";
    }

    private Ons4Answers Ons4(double mean, double shift) =>
        new(Clip(mean + shift + (Gaussian() * 2)), Clip(mean + 0.8 + (Gaussian() * 2)), Clip(mean + (Gaussian() * 2.2)), Clip(4.5 + (Gaussian() * 2.5)));

    private static int Clip(double x) => (int)Math.Clamp(Math.Round(x), Domain.Outcomes.Ons4.Min, Domain.Outcomes.Ons4.Max);

    // Box-Muller: a standard normal draw from the seeded generator, so a seed repeats the cohort exactly.
    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
