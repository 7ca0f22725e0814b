namespace Referral.Api.Search;

/// <summary>
/// Which slots hold each word, and the words in order so that a prefix finds every word that
/// starts with it. A word in a few services keeps a short list; one in many becomes a bitset,
/// so that "peer" over 100,000 services is a few thousand word operations, while the many words
/// found in one service each (a number in a name) cost a few bytes rather than a bitset each.
/// </summary>
internal sealed class WordPostings
{
    // Past this many slots a list costs more to walk than the bitset's words.
    private const int DenseFrom = 256;

    private readonly Dictionary<string, Posting> _postings = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _words = new(StringComparer.Ordinal);

    public void Add(int slot, IReadOnlyList<string> words, int capacity)
    {
        foreach (var word in words)
        {
            if (!_postings.TryGetValue(word, out var posting))
            {
                posting = new Posting();
                _postings.Add(word, posting);
                _words.Add(word);
            }

            posting.Add(slot, capacity);
        }
    }

    public void Remove(int slot, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (_postings.TryGetValue(word, out var posting) && posting.Remove(slot))
            {
                _postings.Remove(word);
                _words.Remove(word);
            }
        }
    }

    /// <summary>Adds to mask every slot holding a word that starts with prefix.</summary>
    public void UnionInto(string prefix, Span<ulong> mask)
    {
        // Words are letters and digits, so none has U+FFFF after the prefix: the view holds
        // exactly the words that start with it.
        foreach (var word in _words.GetViewBetween(prefix, prefix + char.MaxValue))
        {
            _postings[word].UnionInto(mask);
        }
    }

    private sealed class Posting
    {
        // Most words of a large directory are in one service only (a number in a name): they
        // keep that slot alone, without a list.
        private int _single = -1;
        private List<int>? _sparse;
        private Bitset? _dense;
        private int _count;

        public void Add(int slot, int capacity)
        {
            _count++;
            if (_dense is not null)
            {
                _dense.Set(slot);
                return;
            }

            if (_count == 1 && _sparse is null)
            {
                _single = slot;
                return;
            }

            if (_sparse is null)
            {
                _sparse = [_single];
                _single = -1;
            }

            if (_sparse.Count < DenseFrom)
            {
                _sparse.Add(slot);
                return;
            }

            _dense = new Bitset(capacity);
            foreach (var s in _sparse)
            {
                _dense.Set(s);
            }

            _sparse = null;
            _dense.Set(slot);
        }

        /// <returns>Whether no slot holds the word any more.</returns>
        public bool Remove(int slot)
        {
            _count--;
            if (_dense is not null)
            {
                _dense.Clear(slot);
            }
            else if (_sparse is not null)
            {
                var at = _sparse.IndexOf(slot);
                _sparse[at] = _sparse[^1];
                _sparse.RemoveAt(_sparse.Count - 1);
            }
            else
            {
                _single = -1;
            }

            return _count == 0;
        }

        public void UnionInto(Span<ulong> mask)
        {
            if (_dense is not null)
            {
                _dense.UnionInto(mask);
            }
            else if (_sparse is not null)
            {
                foreach (var slot in _sparse)
                {
                    mask[slot >> 6] |= 1UL << slot;
                }
            }
            else if (_single >= 0)
            {
                mask[_single >> 6] |= 1UL << _single;
            }
        }
    }
}
