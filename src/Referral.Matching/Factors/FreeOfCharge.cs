using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;

namespace Referral.Matching.Factors;

internal static class FreeOfCharge
{
    public const string Code = DecisionFactors.FreeOfCharge;

    public const string Rule = "Free 1, low-cost 0.5, paid 0.";

    private static readonly double[] ByCost = [1, 0.5, 0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(int costRank) => ByCost[costRank];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) => Of(service.CostRank);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score) => service.Traits.CostRank switch
    {
        0 => "Free to you.",
        1 => "Low cost: a small fee or donation.",
        _ => "Not free: there is a charge.",
    };
}
