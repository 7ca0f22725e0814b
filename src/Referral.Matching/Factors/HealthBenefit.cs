using System.Numerics;
using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using static Referral.Matching.Factors.Indicator;

namespace Referral.Matching.Factors;

internal static class HealthBenefit
{
    public const string Code = DecisionFactors.HealthBenefit;

    public const string Rule =
        "If the patient named no condition: 0.5 (neutral). A service open to anyone (no conditions listed): 0.4. " +
        "A service aimed at the patient's conditions: 0.4 + 0.6 × (share of the patient's conditions it covers) × evidence " +
        "(none 0.25, participant feedback 0.5, independent evaluation 0.8, trial 1). A service aimed only at other conditions " +
        "is excluded as other-needs unless it is for one of the patient's communities; then 0.";

    /// <param name="evidence">The evidence level's value; ranking's upper bound passes the highest, 1.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(PatientTraits patient, ulong conditions, double evidence)
    {
        if (patient.Conditions == 0)
        {
            return 0.5;
        }

        // At most one of the two terms is not zero: an open service covers no condition.
        var covered = BitOperations.PopCount(conditions & patient.Conditions);
        return 0.4 * OneIf(conditions == 0)
            + OneIf(covered > 0) * (0.4 + 0.6 * covered / patient.ConditionCount * evidence);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        Of(patient, service.Conditions, Evidence.Value[service.Evidence]);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        var traits = service.Traits;
        if (patient.Conditions == 0)
        {
            return "You did not name a condition, so this is neutral.";
        }

        if (traits.Conditions == 0)
        {
            return "Open to anyone rather than aimed at a particular condition.";
        }

        var shared = traits.Conditions & patient.Conditions;
        if (shared == 0)
        {
            return $"Aimed at {Labels(traits.Conditions)} rather than the conditions you named.";
        }

        // The evidence words of a good score are never "not yet evaluated": that caps it at 0.55.
        return FitBands.Of(score) == FitBand.Good
            ? $"Aimed at {Labels(shared)}, which you named, and {Evidence.Words[traits.Evidence]}."
            : $"Aimed at {Labels(shared)}, which you named; {Evidence.Words[traits.Evidence]}.";
    }

    private static string Labels(ulong conditions) =>
        Words.JoinWithAnd(CodeMask.Labels(Vocabularies.Conditions, conditions));
}
