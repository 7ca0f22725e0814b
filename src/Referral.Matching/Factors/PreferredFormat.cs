using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;

namespace Referral.Matching.Factors;

internal static class PreferredFormat
{
    public const string Code = DecisionFactors.PreferredFormat;

    public const string Rule =
        "The best-fitting format the service offers counts. If the patient named preferred formats: 1 when one is offered, 0.25 when none is. " +
        "Otherwise, with TIPI answers: 1 − |social intensity of the format − (extraversion − 1) / 6|, so outgoing people fit groups and " +
        "reserved people fit messages, online communities and one-to-one; without them 0.5. A UCLA-3 score read as lonely adds 0.2 " +
        "(up to 1) to real-time formats. Neutral 0.5 when nothing is known. Never a gate: only formats the patient avoids are removed.";

    private const double Neutral = 0.5;
    private const double LonelyRealTimeBonus = 0.2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        patient.FormatFit.BySet[offer.Formats];

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer)
    {
        var fit = patient.FormatFit;
        if (patient.PreferredFormats != 0)
        {
            var wanted = offer.Formats & patient.PreferredFormats;
            return wanted != 0
                ? $"Offers {FormatTable.Names(wanted)}, which you said you would like."
                : $"Does not offer {Words.JoinWithOr(FormatNames(patient.PreferredFormats))}, which you said you would like.";
        }

        var best = fit.BestIn(offer.Formats);
        var name = Words.Capitalise(FormatTable.Name(best));
        var realTime = Formats.All[best].RealTime;
        var lonely = patient.Patient.Loneliness?.Lonely == true;
        if (patient.Patient.Personality is { } personality)
        {
            var suits = personality.Extraversion switch
            {
                >= 5 => "someone outgoing",
                <= 3 => "someone who prefers quieter contact",
                _ => "someone neither very outgoing nor very reserved",
            };
            var loneliness = !lonely ? string.Empty : realTime ? ", and live contact can help with feeling lonely" : ", though live contact might help more with feeling lonely";
            return $"{name} suits {suits}, from your personality answers{loneliness}.";
        }

        if (lonely)
        {
            return realTime
                ? $"{name} gives live contact, which can help with feeling lonely."
                : $"{name} has no live contact, which may help less with feeling lonely.";
        }

        return "You did not say which format you would like, so this is neutral.";
    }

    private static IEnumerable<string> FormatNames(int formats) => CodeMask.Indices((ulong)formats).Select(FormatTable.Name);

    /// <summary>How well each format, and so each set of formats, suits one patient.</summary>
    internal sealed class Fit
    {
        private readonly double[] _byFormat;

        private Fit(double[] byFormat)
        {
            _byFormat = byFormat;
            BySet = FormatTable.ForEverySet(i => byFormat[i]);
        }

        /// <summary>For each set of formats, the fit of its best format.</summary>
        public double[] BySet { get; }

        public static Fit For(Patient patient)
        {
            var preferred = FormatTable.Of(patient.PreferredFormats);
            var lonely = patient.Loneliness?.Lonely == true;
            var byFormat = new double[FormatTable.Count];
            for (var i = 0; i < byFormat.Length; i++)
            {
                var format = Formats.All[i];
                if (preferred != 0)
                {
                    byFormat[i] = (preferred & (1 << i)) != 0 ? 1 : 0.25;
                    continue;
                }

                var fit = patient.Personality is { } personality
                    ? 1 - Math.Abs(format.SocialIntensity - (personality.Extraversion - 1) / 6)
                    : Neutral;
                byFormat[i] = Math.Clamp(fit + (lonely && format.RealTime ? LonelyRealTimeBonus : 0), 0, 1);
            }

            return new Fit(byFormat);
        }

        /// <summary>The best-fitting format of a set; the first in vocabulary order on a tie.</summary>
        public int BestIn(int formats) =>
            CodeMask.Indices((ulong)formats).Aggregate(-1, (best, i) => best < 0 || _byFormat[i] > _byFormat[best] ? i : best);
    }
}
