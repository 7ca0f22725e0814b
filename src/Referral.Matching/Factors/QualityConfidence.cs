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
    public static double Of(int evidence, bool accredited, bool reviewed) =>
        0.6 * Evidence.Value[evidence] + 0.2 * OneIf(accredited) + 0.2 * OneIf(reviewed);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        Of(service.Evidence, service.Accredited, service.ReviewedDay >= patient.ReviewCutoffDay);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        var traits = service.Traits;
        var parts = new List<string> { Evidence.Words[traits.Evidence] };
        if (traits.Accredited)
        {
            parts.Add("holds " + Words.JoinWithAnd(service.Accreditations));
        }
        else if (FitBands.Of(score) != FitBand.Good)
        {
            parts.Add("holds no quality mark");
        }

        parts.Add(traits.ReviewedDay >= patient.ReviewCutoffDay
            ? "checked by the directory in the last 12 months"
            : "last checked by the directory more than 12 months ago");
        return Words.Capitalise(Words.JoinWithAnd(parts)) + ".";
    }
}
