using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using static Referral.Matching.Factors.Indicator;

namespace Referral.Matching.Factors;

internal static class SimilarExperiences
{
    public const string Code = DecisionFactors.SimilarExperiences;

    public const string Rule =
        "If the patient named no condition: 0.5 (neutral). Otherwise (1 if the service is aimed at one of the patient's conditions, " +
        "0.4 if it is open to anyone, 0 if aimed only at others) × the social intensity of its most social format offered " +
        "(in-person group 1, online group 0.8, one-to-one in person 0.6, one-to-one remote 0.45, online community 0.3, messages 0.1).";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(PatientTraits patient, ulong conditions, int formats)
    {
        if (patient.Conditions == 0)
        {
            return 0.5;
        }

        var peers = 0.4 * OneIf(conditions == 0) + OneIf((conditions & patient.Conditions) != 0);
        return peers * FormatTable.MaxSocialIntensity[formats];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        Of(patient, service.Conditions, offer.Formats);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        if (patient.Conditions == 0)
        {
            return "You did not name a condition, so this is neutral.";
        }

        var conditions = service.Traits.Conditions;
        if (conditions == 0)
        {
            return "Open to anyone, so others there may or may not share your experiences.";
        }

        var shared = conditions & patient.Conditions;
        if (shared == 0)
        {
            return $"Aimed at people living with {Labels(conditions)} rather than the conditions you named.";
        }

        return FitBands.Of(score) switch
        {
            FitBand.Good => $"People living with {Labels(shared)} use it, and it offers plenty of contact with them.",
            FitBand.Partial => $"People living with {Labels(shared)} use it, and it offers some contact with them.",
            _ => $"People living with {Labels(shared)} use it, but it offers little contact with them.",
        };
    }

    private static string Labels(ulong conditions) => Words.JoinWithAnd(CodeMask.Labels(Vocabularies.Conditions, conditions));
}
