using System.ComponentModel;
using Referral.Api.OpenApi;
using Referral.Data.Insights;
using Referral.Domain.Insights;

namespace Referral.Api.Features.Insights;

/// <summary>
/// Does a clinician's endorsement help people take up peer support, and more so those who have
/// never used it? For each cohort, endorsed and not: referrals and the share reaching contacted,
/// started and completed; the endorsed-minus-not difference per cohort (Newcombe's hybrid score
/// interval); and never-used's difference minus has-used's (MOVER, Zou and Donner 2008).
/// </summary>
[SchemaName("EndorsementUptake")]
public sealed record EndorsementUptake(
    ScopeView Scope,
    IReadOnlyList<UptakeGroup> Groups,
    [property: Description("Endorsed minus not endorsed, per cohort and stage (Newcombe's hybrid score interval).")] IReadOnlyList<EndorsementEffect> Effects,
    [property: Description("never-used's effect minus has-used's, per stage: above zero, endorsement matters more for first-timers (MOVER interval, Zou and Donner 2008).")] IReadOnlyList<EffectDifference> DifferenceOfDifferences)
{
    public static readonly IReadOnlyList<string> Cohorts = ["never-used", "has-used", "unknown"];
    public static readonly IReadOnlyList<string> Stages = ["contacted", "started", "completed"];

    public static EndorsementUptake Of(ScopeView scope, IReadOnlyList<UptakeCell> cells)
    {
        var totals = new Dictionary<(string Cohort, bool Endorsed), Counts>();
        foreach (var cohort in Cohorts)
        {
            foreach (var endorsed in new[] { true, false })
            {
                var group = cells.Where(c => c.Cohort == cohort && c.Endorsed == endorsed).ToList();
                totals[(cohort, endorsed)] = new Counts(group.Sum(c => c.Referred), group.Sum(c => c.Contacted), group.Sum(c => c.Started), group.Sum(c => c.Completed));
            }
        }

        var groups = totals.Select(t => new UptakeGroup(
            t.Key.Cohort, t.Key.Endorsed, Disclosure.Publish(t.Value.Referred), Disclosure.IsSuppressed(t.Value.Referred),
            ShareView.Of(t.Value.Contacted, t.Value.Referred), ShareView.Of(t.Value.Started, t.Value.Referred), ShareView.Of(t.Value.Completed, t.Value.Referred))).ToList();

        var effects = new List<EndorsementEffect>();
        var differences = new List<EffectDifference>();
        foreach (var stage in Stages)
        {
            var perCohort = new Dictionary<string, (double Difference, Interval Interval)?>();
            foreach (var cohort in Cohorts)
            {
                var yes = totals[(cohort, true)];
                var no = totals[(cohort, false)];
                var effect = Effect(yes, no, stage);
                perCohort[cohort] = effect;
                effects.Add(new EndorsementEffect(cohort, stage, effect is { } e ? DifferenceView.Of(e) : DifferenceView.Suppress()));
            }

            differences.Add(new EffectDifference(stage, perCohort["never-used"] is { } first && perCohort["has-used"] is { } used
                ? DifferenceView.Of(Proportions.Combine(first.Difference, first.Interval, used.Difference, used.Interval))
                : DifferenceView.Suppress()));
        }

        return new EndorsementUptake(scope, groups, effects, differences);
    }

    private static (double, Interval)? Effect(Counts yes, Counts no, string stage)
    {
        var (a, b) = (yes.Reached(stage), no.Reached(stage));
        return yes.Referred > 0 && no.Referred > 0 && Disclosure.AllShown(a, yes.Referred, b, no.Referred)
            ? Proportions.Difference(a, yes.Referred, b, no.Referred)
            : null;
    }

    internal sealed record Counts(int Referred, int Contacted, int Started, int Completed)
    {
        public int Reached(string stage) => stage switch
        {
            "contacted" => Contacted,
            "started" => Started,
            _ => Completed,
        };
    }
}

[SchemaName("UptakeGroup")]
public sealed record UptakeGroup(
    [property: Description("never-used, has-used or unknown (the patient's own answer when referred).")] string Cohort,
    [property: Description("Whether the referral carries an endorsement that stands (not withdrawn).")] bool Endorsed,
    [property: Description("Referrals made in the period.")] int? Referred,
    bool Suppressed,
    ShareView Contacted,
    ShareView Started,
    ShareView Completed);

[SchemaName("EndorsementEffect")]
public sealed record EndorsementEffect(string Cohort, string Stage, DifferenceView Effect);

[SchemaName("EndorsementEffectDifference")]
public sealed record EffectDifference(string Stage, DifferenceView Effect);
