using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using static Referral.Matching.Factors.Indicator;

namespace Referral.Matching.Factors;

internal static class ProfessionalEndorsement
{
    public const string Code = DecisionFactors.ProfessionalEndorsement;

    public static readonly string Rule =
        "0.6 × route (1 if it takes GP referrals, 0.5 if only social prescribing link workers refer, 0 for self-referral only) " +
        $"+ 0.4 × the share of its referrals that the referring clinician endorsed, {TrackRecords.AsShown}; smoothed as if 10 more referrals " +
        "had gone half each way (0.5 with no track record shown).";

    private static readonly int Gp = 1 << Vocabularies.ReferralRoutes.IndexOf("gp");
    private static readonly int LinkWorker = 1 << Vocabularies.ReferralRoutes.IndexOf("link-worker");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(int routes, DisclosedRecord record) =>
        0.6 * Route(routes) + 0.4 * Smoothing.Share(record.Endorsed, record.Referrals);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        Of(service.Routes, service.Record);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        // Only a service that takes GP referrals reaches the good band (link workers alone: 0.68 at most).
        var route = Route(service.Traits.Routes) switch
        {
            1 => "Takes referrals from GP practices",
            > 0 => "Takes referrals from social prescribing link workers, not from GP practices",
            _ => "Takes self-referrals only, not referrals from GP practices",
        };
        var record = service.Record;
        var endorsed = record.Shown
            ? $"clinicians at other practices endorsed {Words.Share(record.EndorsedBands)} of the {record.Referrals} or more referrals they made through Referral"
            : "it is too early to say how often clinicians endorse it through Referral";
        return $"{route}; {endorsed}.";
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Route(int routes) => Math.Max(OneIf((routes & Gp) != 0), 0.5 * OneIf((routes & LinkWorker) != 0));
}
