using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using static Referral.Matching.Factors.Indicator;

namespace Referral.Matching.Factors;

internal static class QualityConfidence
{
    public const string Code = DecisionFactors.QualityConfidence;

    public const string Rule =
        "0.6 × evidence (none 0.25, participant feedback 0.5, independent evaluation 0.8, trial 1), " +
        "+ 0.2 if it holds any quality mark or accreditation, " +
        "+ 0.2 if the directory reviewed it in the 12 months before the match date.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        0.6 * Evidence.Value[service.Evidence]
        + 0.2 * OneIf(service.Accredited)
        + 0.2 * OneIf(service.ReviewedDay >= patient.ReviewCutoffDay);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer)
    {
        var traits = service.Traits;
        var parts = new List<string> { Evidence.Words[traits.Evidence] };
        if (traits.Accredited)
        {
            parts.Add("holds " + Words.JoinWithAnd(service.Accreditations));
        }

        parts.Add(traits.ReviewedDay >= patient.ReviewCutoffDay
            ? "checked by the directory in the last 12 months"
            : "not checked by the directory for over a year");
        return Words.Capitalise(Words.JoinWithAnd(parts)) + ".";
    }
}
