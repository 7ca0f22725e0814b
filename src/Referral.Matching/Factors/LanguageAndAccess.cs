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
        "0.6 × language + 0.4 × (share of the patient's access needs the service meets; a wheelchair-accessible venue meets step-free access too).";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(PatientTraits patient, bool inFirstLanguage, ulong accessibility)
    {
        var language = 0.5 + 0.5 * OneIf(inFirstLanguage);
        if (patient.AccessNeeds == 0)
        {
            return language;
        }

        var met = (double)BitOperations.PopCount(accessibility & patient.AccessNeeds) / patient.AccessNeedCount;
        return 0.6 * language + 0.4 * met;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        Of(patient, service.Languages.Overlaps(patient.FirstLanguageOnly), service.Accessibility);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        var traits = service.Traits;
        var good = FitBands.Of(score) == FitBand.Good;
        var first = patient.FirstLanguage >= 0 ? Vocabularies.Languages.Terms[patient.FirstLanguage].Label : "your first language";
        var others = Words.JoinWithAnd(traits.Languages.Intersect(patient.Spoken).Names());
        var language = traits.Languages.Contains(patient.FirstLanguage) ? $"Offered in {first}, your preferred language"
            : good ? $"Offered in {others}, though your preferred language is {first}"
            : $"Not offered in {first}, your preferred language, but in {others}";
        if (patient.AccessNeeds == 0)
        {
            return language + ".";
        }

        // Meeting none of the needs caps the score at 0.6, so "does not have" is never said of a good one.
        var met = traits.Accessibility & patient.AccessNeeds;
        var missing = patient.AccessNeeds & ~traits.Accessibility;
        var access = (met, missing) switch
        {
            (_, 0) => $"meets your access needs ({Needs(met)})",
            (0, _) => $"does not have {Needs(missing)}",
            _ when good => $"meets {BitOperations.PopCount(met)} of your {patient.AccessNeedCount} access needs ({Needs(met)})",
            _ => $"has {Needs(met)} but not {Needs(missing)}",
        };
        var dropped = offer.Dropped == InPersonDropped.AccessNotMet
            ? $", so it is offered to you as {FormatTable.Names(offer.Formats)} only"
            : string.Empty;
        return $"{language}; {access}{dropped}.";
    }

    private static string Needs(ulong needs) => Words.JoinWithAnd(CodeMask.Labels(Vocabularies.AccessibilityFeatures, needs));
}
