using Referral.Domain.Vocabulary;

namespace Referral.Matching.Compiled;

/// <summary>
/// A set of vocabulary codes packed into a ulong by each code's position in its vocabulary, so
/// that "does the service meet this need" is one AND instead of a list search.
/// </summary>
internal static class CodeMask
{
    /// <summary>Codes the vocabulary does not know are left out: they cannot match anything.</summary>
    public static ulong Of(TermSet vocabulary, IEnumerable<string> codes)
    {
        EnsureFits(vocabulary);
        var mask = 0UL;
        foreach (var code in codes)
        {
            var index = vocabulary.IndexOf(code);
            if (index >= 0)
            {
                mask |= 1UL << index;
            }
        }

        return mask;
    }

    public static IReadOnlyList<string> Codes(TermSet vocabulary, ulong mask) =>
        Indices(mask).Select(i => vocabulary.Terms[i].Code).ToArray();

    public static IReadOnlyList<string> Labels(TermSet vocabulary, ulong mask) =>
        Indices(mask).Select(i => Words.InSentence(vocabulary.Terms[i].Label)).ToArray();

    public static IEnumerable<int> Indices(ulong mask)
    {
        for (var i = 0; mask != 0; i++, mask >>= 1)
        {
            if ((mask & 1) != 0)
            {
                yield return i;
            }
        }
    }

    // Vocabularies only grow; fail loudly on the day one outgrows its bit set rather than
    // silently dropping codes.
    private static void EnsureFits(TermSet vocabulary)
    {
        if (vocabulary.Terms.Count > 64)
        {
            throw new InvalidOperationException($"The {vocabulary.Name} vocabulary has more than 64 codes; widen its bit set.");
        }
    }
}
