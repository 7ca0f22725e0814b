using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using Referral.Matching.Factors;

namespace Referral.Matching.Ranking;

/// <summary>
/// A total that no eligible service can beat, worked out from its <see cref="Screen"/> alone, so
/// that a service which cannot reach the list (nor change what the choice rule could promote)
/// is passed over without reading its full traits or scoring it. Each factor takes its exact
/// score where the screen holds what it needs, and otherwise the most it could be: quality as
/// if reviewed this year, health benefit as if evidenced by a trial, endorsement and peer
/// recommendation rounded up to 255ths. Every term is at least the exact one and the sum runs
/// in the same order, and floating-point addition and multiplication never turn a larger
/// operand into a smaller result, so the bound is never below the total the engine would
/// compute: pruning with it changes no output (a property test ranks with and without it).
/// </summary>
internal static class UpperBound
{
    public static double Of(PatientTraits patient, in Screen service, in Offer offer, RequestTables tables, ref FactorScores scores)
    {
        scores[0] = Screen.FromCeiling(service.QualityCeiling);
        scores[1] = HealthBenefit.Of(patient, service.Conditions, evidence: 1);
        scores[2] = SafeAndConfidential.Of(service.SafeguardingPolicy, service.TrainedFacilitators);
        scores[3] = ConvenientLocation.Of(patient, offer);
        scores[4] = Screen.FromCeiling(service.EndorsementCeiling);
        scores[5] = ConvenientTime.Of(patient, service.Schedule, offer.Formats);
        scores[6] = FreeOfCharge.Of(service.CostRank);
        scores[7] = PreferredFormat.Of(patient, offer.Formats);
        scores[8] = SimilarExperiences.Of(patient, service.Conditions, offer.Formats);
        scores[9] = LanguageAndAccess.Of(patient, (tables.LanguageFit[service.LanguageSet] & RequestTables.FirstLanguage) != 0, service.Accessibility);
        scores[10] = SharedBackground.Of(patient, service.Communities);
        scores[11] = Screen.FromCeiling(service.PeerCeiling);
        return FactorCatalogue.Total(patient, ref scores);
    }
}
