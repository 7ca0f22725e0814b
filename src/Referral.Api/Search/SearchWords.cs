using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Referral.Api.Search;

/// <summary>
/// How free text is cut into words, the same for what is indexed and what is searched: runs of
/// letters and digits, lower-cased, with accents folded ("Café" is found by "cafe", "ŵyr" by
/// "wyr"), much as SQLite FTS5's unicode61 tokenizer cuts them. Punctuation separates words and
/// is never matched, so "%" or "_" in a search are not patterns.
/// </summary>
public static class SearchWords
{
    // The API runs with invariant globalization, where string.Normalize cannot decompose, so the
    // Latin letters with diacritics fold through a table (generated from Unicode's canonical
    // decompositions of U+00C0-U+024F and U+1E00-U+1EFF, plus ø, ł, đ, ħ, ŀ, ı and ŧ, which have
    // none). Combining marks sent separately are dropped.
    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹøłđħŀıŧ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooyabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwyaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyoldhlit";

    private static readonly FrozenDictionary<char, char> Folds =
        Accented.Zip(Plain).ToFrozenDictionary(p => p.First, p => p.Second);

    public static IReadOnlyList<string> Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                Add(words, word);
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            if (lower.IsBmp && Folds.TryGetValue((char)lower.Value, out var plain))
            {
                word.Append(plain);
            }
            else
            {
                word.Append(lower.ToString());
            }
        }

        Add(words, word);
        return words;
    }

    private static void Add(List<string> words, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        word.Clear();
        if (!words.Contains(text, StringComparer.Ordinal))
        {
            words.Add(text);
        }
    }
}
