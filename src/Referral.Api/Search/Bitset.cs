using System.Numerics;

namespace Referral.Api.Search;

/// <summary>
/// A set of directory slots as bits, so that combining filters over 100,000 services is a few
/// thousand word operations rather than a pass over the services.
/// </summary>
internal sealed class Bitset
{
    private ulong[] _words;

    public Bitset(int capacity) => _words = new ulong[WordsFor(capacity)];

    public ReadOnlySpan<ulong> Words => _words;

    public static int WordsFor(int bits) => (bits + 63) >> 6;

    public void Set(int slot)
    {
        var word = slot >> 6;
        if (word >= _words.Length)
        {
            Array.Resize(ref _words, Math.Max(word + 1, _words.Length * 2));
        }

        _words[word] |= 1UL << slot;
    }

    public void Clear(int slot)
    {
        var word = slot >> 6;
        if (word < _words.Length)
        {
            _words[word] &= ~(1UL << slot);
        }
    }

    public static bool Has(ReadOnlySpan<ulong> words, int slot) => (words[slot >> 6] & (1UL << slot)) != 0;

    /// <summary>Keeps in mask only the slots in this set.</summary>
    public void IntersectInto(Span<ulong> mask)
    {
        var words = _words.AsSpan(0, Math.Min(_words.Length, mask.Length));
        for (var i = 0; i < words.Length; i++)
        {
            mask[i] &= words[i];
        }

        mask[words.Length..].Clear();
    }

    /// <summary>Adds this set's slots to mask.</summary>
    public void UnionInto(Span<ulong> mask)
    {
        var words = _words.AsSpan(0, Math.Min(_words.Length, mask.Length));
        for (var i = 0; i < words.Length; i++)
        {
            mask[i] |= words[i];
        }
    }

    public static int Count(ReadOnlySpan<ulong> words)
    {
        var count = 0;
        foreach (var word in words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }
}
