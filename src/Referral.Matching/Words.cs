using System.Globalization;
using Referral.Domain.Referrals;

namespace Referral.Matching;

/// <summary>Small helpers that turn codes and numbers into the words a GP reads out.</summary>
internal static class Words
{
    // First words of vocabulary labels that are proper nouns and keep their capital mid-sentence.
    private static readonly HashSet<string> ProperFirstWords = new(StringComparer.Ordinal)
    {
        "Parkinson's", "Black", "South", "Deaf", "Gypsy", "British",
    };

    public static string JoinWithAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }

    public static string JoinWithOr(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? JoinWithAnd(list) : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }

    // Labels are few and fixed, and every explained item reads several: each is worked out once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Lowered = new(StringComparer.Ordinal);

    /// <summary>A vocabulary label as it reads inside a sentence: "Weekday evenings" becomes "weekday evenings", "COPD" stays.</summary>
    public static string InSentence(string label) => Lowered.GetOrAdd(label, static label =>
    {
        var firstWord = label.Split(' ', ',')[0];
        var keepsCapital = ProperFirstWords.Contains(firstWord) || firstWord.Skip(1).Any(char.IsUpper);
        return keepsCapital || label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];
    });

    public static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Km(double km) => km.ToString("0.0", CultureInfo.InvariantCulture) + " km";

    /// <summary>
    /// A share given in bands of 1 / TrackRecordDisclosure.ShareBands, as a GP would say it:
    /// "about 6 in 10". The lowest band holds shares under a twentieth, and says so in figures
    /// rather than "hardly any", so that a sentence whose score is good overall stays neutral.
    /// </summary>
    public static string Share(int bands) => bands switch
    {
        0 => $"fewer than 1 in {2 * TrackRecordDisclosure.ShareBands}",
        TrackRecordDisclosure.ShareBands => "nearly all",
        _ when 2 * bands == TrackRecordDisclosure.ShareBands => "about half",
        _ => $"about {bands} in {TrackRecordDisclosure.ShareBands}",
    };
}
