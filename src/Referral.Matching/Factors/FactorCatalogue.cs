using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;

namespace Referral.Matching.Factors;

/// <summary>The reason a GP reads out, worded for the band <paramref name="score"/> falls in (see <see cref="FitBands"/>).</summary>
internal delegate string Explainer(PatientTraits patient, Candidate service, in Offer offer, double score);

/// <summary>One decision factor as the engine applies it: its rule in words and its explanation.</summary>
internal sealed record FactorRule(string Code, string Rule, Explainer Explain);

/// <summary>
/// The twelve factors, in DecisionFactors.All order. Each factor's score, words and explanation
/// live together in its own file; this class only lists them.
/// </summary>
internal static class FactorCatalogue
{
    public static readonly IReadOnlyList<FactorRule> Rules =
    [
        new(QualityConfidence.Code, QualityConfidence.Rule, QualityConfidence.Explain),
        new(HealthBenefit.Code, HealthBenefit.Rule, HealthBenefit.Explain),
        new(SafeAndConfidential.Code, SafeAndConfidential.Rule, SafeAndConfidential.Explain),
        new(ConvenientLocation.Code, ConvenientLocation.Rule, ConvenientLocation.Explain),
        new(ProfessionalEndorsement.Code, ProfessionalEndorsement.Rule, ProfessionalEndorsement.Explain),
        new(ConvenientTime.Code, ConvenientTime.Rule, ConvenientTime.Explain),
        new(FreeOfCharge.Code, FreeOfCharge.Rule, FreeOfCharge.Explain),
        new(PreferredFormat.Code, PreferredFormat.Rule, PreferredFormat.Explain),
        new(SimilarExperiences.Code, SimilarExperiences.Rule, SimilarExperiences.Explain),
        new(LanguageAndAccess.Code, LanguageAndAccess.Rule, LanguageAndAccess.Explain),
        new(SharedBackground.Code, SharedBackground.Rule, SharedBackground.Explain),
        new(PeerRecommendation.Code, PeerRecommendation.Rule, PeerRecommendation.Explain),
    ];

    /// <summary>Scores one eligible candidate on all twelve factors; the hot path, so called directly, not through delegates.</summary>
    public static void Score(PatientTraits patient, in CandidateTraits service, in Offer offer, ref FactorScores scores)
    {
        scores[0] = QualityConfidence.Score(patient, service, offer);
        scores[1] = HealthBenefit.Score(patient, service, offer);
        scores[2] = SafeAndConfidential.Score(patient, service, offer);
        scores[3] = ConvenientLocation.Score(patient, service, offer);
        scores[4] = ProfessionalEndorsement.Score(patient, service, offer);
        scores[5] = ConvenientTime.Score(patient, service, offer);
        scores[6] = FreeOfCharge.Score(patient, service, offer);
        scores[7] = PreferredFormat.Score(patient, service, offer);
        scores[8] = SimilarExperiences.Score(patient, service, offer);
        scores[9] = LanguageAndAccess.Score(patient, service, offer);
        scores[10] = SharedBackground.Score(patient, service, offer);
        scores[11] = PeerRecommendation.Score(patient, service, offer);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Total(PatientTraits patient, ref FactorScores scores)
    {
        ReadOnlySpan<double> values = scores;
        ReadOnlySpan<double> weights = patient.WeightByFactor;
        var total = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            total += weights[i] * values[i];
        }

        return total;
    }
}
