using Referral.Domain.Vocabulary;

namespace Referral.Matching.Compiled;

/// <summary>A set of ISO 639-1 languages as a 192-bit set: the vocabulary has 184 codes.</summary>
internal readonly record struct LanguageMask(ulong Low, ulong Middle, ulong High)
{
    private const int Capacity = 192;

    public static LanguageMask Of(IEnumerable<string> codes)
    {
        if (Vocabularies.Languages.Terms.Count > Capacity)
        {
            throw new InvalidOperationException("The languages vocabulary has outgrown its 192-bit set.");
        }

        var mask = default(LanguageMask);
        foreach (var code in codes)
        {
            mask = mask.With(Vocabularies.Languages.IndexOf(code));
        }

        return mask;
    }

    public LanguageMask With(int index) => index switch
    {
        < 0 => this,
        < 64 => this with { Low = Low | (1UL << index) },
        < 128 => this with { Middle = Middle | (1UL << (index - 64)) },
        _ => this with { High = High | (1UL << (index - 128)) },
    };

    public bool Contains(int index) => index switch
    {
        < 0 => false,
        < 64 => (Low & (1UL << index)) != 0,
        < 128 => (Middle & (1UL << (index - 64))) != 0,
        _ => (High & (1UL << (index - 128))) != 0,
    };

    public bool Overlaps(LanguageMask other) =>
        ((Low & other.Low) | (Middle & other.Middle) | (High & other.High)) != 0;

    public LanguageMask Intersect(LanguageMask other) =>
        new(Low & other.Low, Middle & other.Middle, High & other.High);

    public IReadOnlyList<string> Names()
    {
        var names = new List<string>();
        for (var i = 0; i < Vocabularies.Languages.Terms.Count; i++)
        {
            if (Contains(i))
            {
                names.Add(Vocabularies.Languages.Terms[i].Label);
            }
        }

        return names;
    }
}
