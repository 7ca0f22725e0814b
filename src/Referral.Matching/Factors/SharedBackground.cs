using System.Numerics;
using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using static Referral.Matching.Factors.Indicator;

namespace Referral.Matching.Factors;

internal static class SharedBackground
{
    public const string Code = DecisionFactors.SharedBackground;

    public const string Rule =
        "If the patient named no community: 0.5 (neutral). A service open to any background: 0.4. " +
        "Run by and for one of the patient's communities: 0.7 + 0.3 × (share of the patient's communities it serves). " +
        "Run only for other communities: 0.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(PatientTraits patient, ulong communities)
    {
        if (patient.Communities == 0)
        {
            return 0.5;
        }

        var shared = BitOperations.PopCount(communities & patient.Communities);
        return 0.4 * OneIf(communities == 0)
            + OneIf(shared > 0) * (0.7 + 0.3 * shared / patient.CommunityCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) => Of(patient, service.Communities);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        if (patient.Communities == 0)
        {
            return "You did not name a community, so this is neutral.";
        }

        var communities = service.Traits.Communities;
        if (communities == 0)
        {
            return "Open to people from any background.";
        }

        var shared = communities & patient.Communities;
        return shared == 0
            ? $"Run for {Labels(communities)} rather than a community you named."
            : $"Run by and for {Labels(shared)}, a community you named.";
    }

    private static string Labels(ulong communities) => Words.JoinWithAnd(CodeMask.Labels(Vocabularies.Communities, communities));
}
