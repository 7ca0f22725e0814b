using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using static Referral.Matching.Factors.Indicator;

namespace Referral.Matching.Factors;

internal static class SafeAndConfidential
{
    public const string Code = DecisionFactors.SafeAndConfidential;

    public const string Rule = "0.5 for a safeguarding policy + 0.5 for trained facilitators.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(bool safeguardingPolicy, bool trainedFacilitators) =>
        0.5 * OneIf(safeguardingPolicy) + 0.5 * OneIf(trainedFacilitators);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        Of(service.SafeguardingPolicy, service.TrainedFacilitators);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score) =>
        (service.Traits.SafeguardingPolicy, service.Traits.TrainedFacilitators) switch
        {
            (true, true) => "Has a safeguarding policy and trained facilitators.",
            (true, false) => "Has a safeguarding policy, but its facilitators are not recorded as trained.",
            (false, true) => "Has trained facilitators, but no safeguarding policy is recorded.",
            _ => "No safeguarding policy or facilitator training is recorded.",
        };
}
