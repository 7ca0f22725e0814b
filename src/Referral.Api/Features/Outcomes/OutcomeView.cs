using System.ComponentModel;
using Referral.Api.OpenApi;
using Referral.Domain.Outcomes;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Outcomes;

/// <summary>A stored set of outcome measures.</summary>
[SchemaName("Outcome")]
public sealed record OutcomeView(
    Guid Id,
    Guid ReferralId,
    [property: Description("baseline or follow-up.")] [property: Vocabulary(OutcomeTimepoints.Baseline, OutcomeTimepoints.FollowUp)] string Timepoint,
    Ons4Body Ons4,
    [property: Description("UCLA-3 answers (follow-up only).")] IReadOnlyList<int>? Ucla3,
    [property: Description("UCLA-3 sum, 3 to 9 (follow-up only).")] int? Ucla3Sum,
    [property: Description("Days from the referral being made (baseline) or the support starting (follow-up) to the measurement.")] int IntervalDays,
    [property: Description("The practice's reference for who took the measures.")] string RecordedBy,
    DateTimeOffset MeasuredAt,
    [property: Description("When the API stored them.")] DateTimeOffset RecordedAt)
{
    public static OutcomeView From(OutcomeRecord o) => new(
        o.Id, o.ReferralId, o.Timepoint,
        new Ons4Body { LifeSatisfaction = o.Ons4.LifeSatisfaction, Worthwhile = o.Ons4.Worthwhile, Happiness = o.Ons4.Happiness, Anxiety = o.Ons4.Anxiety },
        o.Ucla3, o.Ucla3?.Sum(), o.IntervalDays, o.RecordedBy, o.MeasuredAt, o.RecordedAt);
}
