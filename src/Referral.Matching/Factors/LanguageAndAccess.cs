using System.Numerics;
using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using static Referral.Matching.Factors.Indicator;

namespace Referral.Matching.Factors;

internal static class LanguageAndAccess
{
    public const string Code = DecisionFactors.LanguageAndAccess;

    public const string Rule =
        "Language: 1 if offered in the patient's preferred (first) language, 0.5 if only in another language they speak " +
        "(sharing no language excludes). With no access needs the score is the language part; otherwise " +
        "0.6 × language + 0.4 × (share of the patient's access needs the service meets).";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer)
    {
        var language = 0.5 + 0.5 * OneIf(service.Languages.Overlaps(patient.FirstLanguageOnly));
        if (patient.AccessNeeds == 0)
        {
            return language;
        }

        var met = (double)BitOperations.PopCount(service.Accessibility & patient.AccessNeeds) / patient.AccessNeedCount;
        return 0.6 * language + 0.4 * met;
    }

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer)
    {
        var traits = service.Traits;
        var first = patient.FirstLanguage >= 0 ? Vocabularies.Languages.Terms[patient.FirstLanguage].Label : "your first language";
        var language = traits.Languages.Contains(patient.FirstLanguage)
            ? $"Offered in {first}, your preferred language"
            : $"Not offered in {first}, your preferred language, but in {Words.JoinWithAnd(traits.Languages.Intersect(patient.Spoken).Names())}";
        if (patient.AccessNeeds == 0)
        {
            return language + ".";
        }

        var met = traits.Accessibility & patient.AccessNeeds;
        var missing = patient.AccessNeeds & ~traits.Accessibility;
        var access = (met, missing) switch
        {
            (_, 0) => $"meets your access needs ({Needs(met)})",
            (0, _) => $"does not have {Needs(missing)}",
            _ => $"has {Needs(met)} but not {Needs(missing)}",
        };
        var dropped = offer.Dropped == InPersonDropped.AccessNotMet
            ? $", so it is offered to you as {FormatTable.Names(offer.Formats)} only"
            : string.Empty;
        return $"{language}; {access}{dropped}.";
    }

    private static string Needs(ulong needs) => Words.JoinWithAnd(CodeMask.Labels(Vocabularies.AccessibilityFeatures, needs));
}
