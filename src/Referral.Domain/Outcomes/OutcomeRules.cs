namespace Referral.Domain.Outcomes;

/// <summary>What the rules need to know of a referral to accept a set of measures.</summary>
public sealed record OutcomeSnapshot(DateTimeOffset ReferredAt, bool ProfileErased, DateTimeOffset? StartedAt, bool HasBaseline);

/// <summary>Why a set of measures was refused, or the interval it reports.</summary>
public abstract record OutcomeAdmission
{
    /// <summary>Accepted: days from the referral (baseline) or the start (follow-up) to the measurement.</summary>
    public sealed record Admitted(int IntervalDays) : OutcomeAdmission;

    public sealed record Refused(string Title, string Detail, bool IsConflict) : OutcomeAdmission;
}

/// <summary>
/// A baseline is taken once, at referral: no earlier than the referral was made and no later
/// than the support started. A follow-up is any time after the support started, as often as the
/// practice measures. Nothing more is recorded once the profile has been erased.
/// </summary>
public static class OutcomeRules
{
    public static OutcomeAdmission Admit(OutcomeSnapshot referral, OutcomeInput input)
    {
        if (referral.ProfileErased)
        {
            return new OutcomeAdmission.Refused("Profile erased", "The patient's profile was erased, so no outcome can be recorded for this referral.", IsConflict: false);
        }

        if (input.Timepoint == OutcomeTimepoints.Baseline)
        {
            if (referral.HasBaseline)
            {
                return new OutcomeAdmission.Refused("Baseline already recorded", "A referral has one baseline; record further measures as follow-up once the support has started.", IsConflict: true);
            }

            if (input.MeasuredAt < referral.ReferredAt - PracticeClock.Tolerance)
            {
                return new OutcomeAdmission.Refused("Out of order", $"A baseline is measured at referral: measuredAt is before the referral was made ({referral.ReferredAt:O}).", IsConflict: false);
            }

            if (referral.StartedAt is { } started && input.MeasuredAt > started)
            {
                return new OutcomeAdmission.Refused("Out of order", $"A baseline is measured before the support starts: measuredAt is after it started ({started:O}). Record it as follow-up.", IsConflict: false);
            }

            return new OutcomeAdmission.Admitted(Days(referral.ReferredAt, input.MeasuredAt));
        }

        if (referral.StartedAt is not { } start)
        {
            return new OutcomeAdmission.Refused("Not started", "A follow-up is measured after the support has started: the referral has not reached started.", IsConflict: true);
        }

        if (input.MeasuredAt < start - PracticeClock.Tolerance)
        {
            return new OutcomeAdmission.Refused("Out of order", $"A follow-up is measured after the support started: measuredAt is before it started ({start:O}).", IsConflict: false);
        }

        return new OutcomeAdmission.Admitted(Days(start, input.MeasuredAt));
    }

    private static int Days(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (int)Math.Floor((to - from).TotalDays));
}
