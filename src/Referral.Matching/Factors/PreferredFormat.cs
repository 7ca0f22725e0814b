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
        "Otherwise 0.5 (neutral) for every format, moved by what the patient answered. TIPI extraversion sets a lean, e = (extraversion − 4) / 3, " +
        "squared with its sign kept (e × |e|), so middling answers stay close to neutral and the fit is strongest only at the ends of the scale; " +
        "each format's social intensity is centred, c = (intensity − 0.55) / 0.45 (in-person group 1, online group 0.56, one-to-one in person 0.11, " +
        "one-to-one remote −0.22, online community −0.56, messages −1); the fit is 0.5 + 0.5 × lean × c, so outgoing people fit groups and reserved " +
        "people fit messages and online communities. A UCLA-3 score read as lonely adds 0.2 (up to 1) to real-time formats. With no answers, " +
        "every format scores 0.5. Never a gate: only formats the patient avoids are removed.";

    private const double Neutral = 0.5;
    private const double LonelyRealTimeBonus = 0.2;

    // Below this the personality answers move a format's fit by under 0.025: said as neutral.
    private const double Slight = 0.05;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(PatientTraits patient, int formats) => patient.FormatFit.BySet[formats];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) => Of(patient, offer.Formats);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        var fit = patient.FormatFit;
        if (patient.PreferredFormats != 0)
        {
            var wanted = offer.Formats & patient.PreferredFormats;
            return wanted != 0
                ? $"Offers {FormatTable.Names(wanted)}, which you said you would like."
                : $"Does not offer {Words.JoinWithOr(FormatNames(patient.PreferredFormats))}, the format you asked for.";
        }

        var best = fit.BestIn(offer.Formats);
        var name = Words.Capitalise(FormatTable.Name(best));
        var realTime = Formats.All[best].RealTime;
        var lonely = patient.Patient.Loneliness?.Lonely == true;
        var lonelyNote = !lonely ? string.Empty
            : realTime ? ", and its live contact can help with feeling lonely"
            : ", though live contact might help more with feeling lonely";
        var band = FitBands.Of(score);

        if (patient.Patient.Personality is null)
        {
            // Only loneliness moves a fit: 0.7 for live formats, else neutral.
            return lonely
                ? realTime
                    ? $"{name} gives live contact, which can help with feeling lonely."
                    : $"{name} has no live contact, which may help less with feeling lonely."
                : "You did not say which format you would like, so this is neutral.";
        }

        var direction = fit.Lean * Centred(best);
        var trait = fit.Lean > 0 ? "someone outgoing" : "someone who prefers quieter contact";
        return band switch
        {
            FitBand.Good when direction > 0 => $"{name} suits {trait}, from your personality answers{lonelyNote}.",
            // Good without a lean its way: only the loneliness bonus at a middling lean of 0.
            FitBand.Good => $"{name} gives live contact, which can help with feeling lonely; your personality answers are in the middle of the scale.",
            FitBand.Poor => $"{name} may not suit {trait}, from your personality answers{lonelyNote}.",
            _ when Math.Abs(direction) < Slight => $"Your personality answers favour no format over another, so this is close to neutral{lonelyNote}.",
            _ when direction > 0 => $"{name} fits your personality answers a little: they lean slightly towards {trait}{lonelyNote}.",
            _ => $"{name} is a weaker fit for your personality answers, which lean towards {trait}{lonelyNote}.",
        };
    }

    private static IEnumerable<string> FormatNames(int formats) => CodeMask.Indices((ulong)formats).Select(FormatTable.Name);

    /// <summary>A format's social intensity centred on the middle of the vocabulary's range: −1 for messages, 1 for an in-person group.</summary>
    private static double Centred(int format) => (Formats.All[format].SocialIntensity - 0.55) / 0.45;

    /// <summary>How well each format, and so each set of formats, suits one patient.</summary>
    internal sealed class Fit
    {
        private readonly double[] _byFormat;

        private Fit(double[] byFormat, double lean)
        {
            _byFormat = byFormat;
            Lean = lean;
            BySet = FormatTable.ForEverySet(i => byFormat[i]);
        }

        /// <summary>For each set of formats, the fit of its best format.</summary>
        public double[] BySet { get; }

        /// <summary>From −1 (very reserved) through 0 (middling or not answered) to 1 (very outgoing).</summary>
        public double Lean { get; }

        public static Fit For(Patient patient)
        {
            var preferred = FormatTable.Of(patient.PreferredFormats);
            var lonely = patient.Loneliness?.Lonely == true;
            var lean = patient.Personality is { } personality ? LeanOf(personality.Extraversion) : 0;
            var byFormat = new double[FormatTable.Count];
            for (var i = 0; i < byFormat.Length; i++)
            {
                if (preferred != 0)
                {
                    byFormat[i] = (preferred & (1 << i)) != 0 ? 1 : 0.25;
                    continue;
                }

                var fit = Neutral + 0.5 * lean * Centred(i);
                byFormat[i] = Math.Clamp(fit + (lonely && Formats.All[i].RealTime ? LonelyRealTimeBonus : 0), 0, 1);
            }

            return new Fit(byFormat, lean);
        }

        /// <summary>The best-fitting format of a set; the first in vocabulary order on a tie.</summary>
        public int BestIn(int formats) =>
            CodeMask.Indices((ulong)formats).Aggregate(-1, (best, i) => best < 0 || _byFormat[i] > _byFormat[best] ? i : best);

        private static double LeanOf(double extraversion)
        {
            var e = Math.Clamp((extraversion - 4) / 3, -1, 1);
            return e * Math.Abs(e);
        }
    }
}
