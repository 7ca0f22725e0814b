using System.Numerics;
using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using static Referral.Matching.Factors.Indicator;

namespace Referral.Matching.Factors;

internal static class ConvenientTime
{
    public const string Code = DecisionFactors.ConvenientTime;

    public const string Rule =
        "0.5 (neutral) for every service when the patient gave no availability: nothing is known to favour one time, or no set time, over another. " +
        "Otherwise 1 when an asynchronous format is offered (online community, messages: they fit any time); 0.5 when the service gave no schedule; " +
        "0 if it meets at none of the patient's free times, else 0.7 + 0.3 × (share of the patient's free times it meets in): " +
        "one shared time makes it workable, more give more choice.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(PatientTraits patient, ulong schedule, int formats)
    {
        if (patient.Availability == 0)
        {
            return 0.5;
        }

        var anyTime = OneIf((formats & FormatTable.Asynchronous) != 0);
        var shared = BitOperations.PopCount(schedule & patient.Availability);
        var scheduled = 0.5 * OneIf(schedule == 0)
            + OneIf(shared > 0) * (0.7 + 0.3 * shared / patient.AvailabilityCount);
        return Math.Max(anyTime, scheduled);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        Of(patient, service.Schedule, offer.Formats);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        if (patient.Availability == 0)
        {
            return "You did not say when you are free, so this is neutral.";
        }

        var asynchronous = offer.Formats & FormatTable.Asynchronous;
        if (asynchronous != 0)
        {
            return $"{Words.Capitalise(FormatTable.Names(asynchronous))}: fits any time, whenever you are free.";
        }

        var schedule = service.Traits.Schedule;
        if (schedule == 0)
        {
            return "The service has not said when it meets, so this is neutral.";
        }

        var shared = schedule & patient.Availability;
        return shared == 0
            ? $"Meets on {Slots(schedule)}, when you did not say you are free."
            : $"Meets on {Slots(shared)}, when you said you are free.";
    }

    private static string Slots(ulong slots) => Words.JoinWithAnd(CodeMask.Labels(Vocabularies.ScheduleSlots, slots));
}
