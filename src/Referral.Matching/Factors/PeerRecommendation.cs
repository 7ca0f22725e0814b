using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;

namespace Referral.Matching.Factors;

internal static class PeerRecommendation
{
    public const string Code = DecisionFactors.PeerRecommendation;

    public static readonly string Rule =
        $"The share of people referred through Referral who completed it, {TrackRecords.AsShown}; " +
        "smoothed as if 10 more referrals had gone half each way, so a few count little: 0.5 (neutral) with no track record shown.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(DisclosedRecord record) => Smoothing.Share(record.Completed, record.Referrals);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) => Of(service.Record);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        var record = service.Record;
        if (!record.Shown)
        {
            return "Too few referrals through Referral yet to judge, so this is neutral.";
        }

        var people = $"the {record.Referrals} or more people other practices have referred through Referral";
        return FitBands.Of(score) == FitBand.Poor
            ? $"Few of {people} completed it: {Words.Share(record.CompletedBands)}."
            : $"Of {people}, {Words.Share(record.CompletedBands)} completed it.";
    }
}
