using System.Buffers;
using Referral.Domain.Geography;

namespace Referral.Api.Search;

/// <summary>
/// The directory indexed for search, in memory: a bitset per status and per code, the words of
/// names and of everything else, the services in name order, and the venues grouped by postcode
/// district. A search combines bitsets, then reads only as far into the order as its page
/// needs, so its cost follows the page and the filters' words, not the size of the directory.
/// </summary>
/// <remarks>
/// Not thread-safe: <see cref="DirectorySearch"/> serialises writers against readers. Services
/// are never removed (retiring one changes its status), so a service keeps its slot for good.
/// The answers are defined by the plain search in the tests (ReferenceSearch): same items, same
/// order, same totals, compared over random directories, queries and changes.
/// </remarks>
public sealed class DirectoryIndex
{
    private readonly List<Slot> _slots = [];
    private readonly Dictionary<Guid, int> _slotOf = [];

    // Slots in name order, and each slot's position in it.
    private readonly List<int> _byName = [];
    private int[] _rank = [];

    private readonly Dictionary<string, Bitset> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bitset> _codes = new(StringComparer.Ordinal);
    private readonly WordPostings _nameWords = new();
    private readonly WordPostings _allWords = new();
    private readonly HashSet<string> _wordPool = new(StringComparer.Ordinal);

    private readonly Dictionary<string, DistrictCell> _districts = new(StringComparer.Ordinal);
    private DistrictCell[] _districtsByLatitude = [];

    public int Count => _slots.Count;

    public IndexedService? Find(Guid id) => _slotOf.TryGetValue(id, out var slot) ? _slots[slot].Service : null;

    /// <summary>Adds a service, or replaces what the index holds for it.</summary>
    /// <param name="service">What the index keeps of the service.</param>
    /// <param name="otherText">The rest of what q searches (description, organisation name), cut into words and not kept.</param>
    public void Upsert(IndexedService service, string otherText)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (_slotOf.TryGetValue(service.Id, out var slot))
        {
            Unindex(slot, _slots[slot]);
        }
        else
        {
            slot = NewSlot(service.Id);
        }

        Index(slot, _slots[slot] = Prepare(service, otherText), ordered: true);
    }

    /// <summary>
    /// Fills an empty index with a whole directory at once: the name order is sorted once at the
    /// end instead of kept at every insert, which for 100,000 services is the difference between
    /// a fraction of a second and billions of moves.
    /// </summary>
    public void Load(IEnumerable<(IndexedService Service, string OtherText)> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (_slots.Count > 0)
        {
            throw new InvalidOperationException("Load fills an empty index; use Upsert for changes.");
        }

        foreach (var (service, otherText) in services)
        {
            if (_slotOf.ContainsKey(service.Id))
            {
                throw new ArgumentException($"Service {service.Id} appears more than once.", nameof(services));
            }

            var slot = NewSlot(service.Id);
            Index(slot, _slots[slot] = Prepare(service, otherText), ordered: false);
        }

        _byName.Sort(Comparer<int>.Create((a, b) => NameOrder.Instance.Compare(Key(_slots[a]), Key(_slots[b]))));
        Rerank(0);
        foreach (var cell in _districts.Values)
        {
            cell.Slots.Sort((a, b) => _rank[a].CompareTo(_rank[b]));
        }
    }

    private int NewSlot(Guid id)
    {
        var slot = _slots.Count;
        _slots.Add(null!);
        _slotOf.Add(id, slot);
        if (_rank.Length < _slots.Count)
        {
            Array.Resize(ref _rank, Math.Max(16, _rank.Length * 2));
        }

        return slot;
    }

    private Slot Prepare(IndexedService service, string otherText)
    {
        // Codes are interned too: each service's lists were read from its own document.
        service = service with
        {
            Conditions = Intern(service.Conditions),
            Communities = Intern(service.Communities),
            Formats = Intern(service.Formats),
            Languages = Intern(service.Languages),
            Organisation = service.Organisation is null ? null : Intern([service.Organisation])[0],
        };
        return new Slot(service, Intern(SearchWords.Of(service.Name)), Intern(SearchWords.Of(service.Name + "\n" + otherText)));
    }

    public DirectoryPage Search(DirectoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = Bitset.WordsFor(_slots.Count);
        var terms = SearchWords.Of(query.Text);
        // A text with no letter or digit in it ("%") matches nothing rather than everything.
        Bitset? status = null;
        if ((query.Status is not null && !_statuses.TryGetValue(query.Status, out status)) || (!string.IsNullOrWhiteSpace(query.Text) && terms.Count == 0))
        {
            return new DirectoryPage([], 0);
        }

        using var buffers = new Buffers(words);
        var mask = buffers.Next().AsSpan(0, words);
        if (status is not null)
        {
            status.Words[..Math.Min(words, status.Words.Length)].CopyTo(mask);
        }
        else
        {
            foreach (var each in _statuses.Values)
            {
                each.UnionInto(mask);
            }
        }
        foreach (var (kind, code) in new[] { (Kinds.Condition, query.Condition), (Kinds.Community, query.Community), (Kinds.Format, query.Format), (Kinds.Language, query.Language) })
        {
            if (code is null)
            {
                continue;
            }

            if (!_codes.TryGetValue(Key(kind, code), out var holders))
            {
                return new DirectoryPage([], 0);
            }

            holders.IntersectInto(mask);
        }

        if (query.Organisation is not null)
        {
            if (!_codes.TryGetValue(Key(Kinds.Organisation, query.Organisation), out var runs))
            {
                return new DirectoryPage([], 0);
            }

            runs.IntersectInto(mask);
        }

        if (query.HasAny is { } anyOf)
        {
            // The union of every code of the kind: few codes, each one bitset.
            var prefix = Key(KindOf(anyOf), string.Empty);
            var any = buffers.Next().AsSpan(0, words);
            foreach (var (key, holders) in _codes)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    holders.UnionInto(any);
                }
            }

            for (var i = 0; i < words; i++)
            {
                mask[i] &= any[i];
            }
        }

        if (query.ModifiedAfter is { } after)
        {
            // No order is kept by time; a scan of the matches so far is one comparison each.
            for (var w = 0; w < words; w++)
            {
                for (var bits = mask[w]; bits != 0; bits &= bits - 1)
                {
                    var slot = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    if (_slots[slot].Service.UpdatedAt < after)
                    {
                        mask[w] &= ~(1UL << (slot & 63));
                    }
                }
            }
        }

        foreach (var term in terms)
        {
            var holders = buffers.Next().AsSpan(0, words);
            _allWords.UnionInto(term, holders);
            for (var i = 0; i < words; i++)
            {
                mask[i] &= holders[i];
            }
        }

        var skip = (long)(query.Page - 1) * query.PageSize;
        var items = new List<(IndexedService, double?)>(Math.Min(query.PageSize, 128));
        if (query.Near is { } near)
        {
            return new DirectoryPage(items, Near(near, query.RadiusKm, mask, skip, query.PageSize, items));
        }

        var total = Bitset.Count(mask);
        if (terms.Count == 0)
        {
            InNameOrder(mask, total, skip, query.PageSize, items);
            return new DirectoryPage(items, total);
        }

        // Relevance: services whose name holds more of the words come first; within a level, by
        // name. Each level is the set of matches with exactly that many words in the name,
        // counted for 64 services at a time (a bit-sliced counter).
        var levels = new ulong[terms.Count + 1][];
        for (var k = 0; k <= terms.Count; k++)
        {
            levels[k] = buffers.Next();
        }

        mask.CopyTo(levels[0]);
        var named = buffers.Next().AsSpan(0, words);
        for (var j = 0; j < terms.Count; j++)
        {
            named.Clear();
            _nameWords.UnionInto(terms[j], named);
            for (var i = 0; i < words; i++)
            {
                var inName = named[i];
                for (var k = j; k >= 0; k--)
                {
                    levels[k + 1][i] |= levels[k][i] & inName;
                    levels[k][i] &= ~inName;
                }
            }
        }

        for (var k = terms.Count; k >= 0 && items.Count < query.PageSize; k--)
        {
            var level = levels[k].AsSpan(0, words);
            var count = Bitset.Count(level);
            if (skip >= count)
            {
                skip -= count;
                continue;
            }

            InNameOrder(level, count, skip, query.PageSize - items.Count, items);
            skip = 0;
        }

        return new DirectoryPage(items, total);
    }

    /// <summary>
    /// Appends up to take of the slots in set (count of them), after skipping skip, in name order:
    /// by walking the name order when the set is large enough that the page is found early, or
    /// by sorting the set's positions when it is small.
    /// </summary>
    private void InNameOrder(ReadOnlySpan<ulong> set, int count, long skip, int take, List<(IndexedService, double?)> items)
    {
        if (skip >= count)
        {
            return;
        }

        var needed = (int)Math.Min(take, count - skip);
        var walk = Math.Min(_byName.Count, (skip + needed) * (double)_byName.Count / count);
        var sort = count * Math.Log2(count + 1);
        if (walk <= sort)
        {
            TakeInOrder(_byName, set, skip, items.Count + needed, null, items);
            return;
        }

        var ranks = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var n = 0;
            for (var w = 0; w < set.Length; w++)
            {
                for (var bits = set[w]; bits != 0; bits &= bits - 1)
                {
                    ranks[n++] = _rank[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)];
                }
            }

            var sorted = ranks.AsSpan(0, n);
            sorted.Sort();
            foreach (var rank in sorted.Slice((int)skip, needed))
            {
                items.Add((_slots[_byName[rank]].Service, null));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ranks);
        }
    }

    /// <summary>
    /// Services with a venue within the radius, nearest first, then in name order: only districts
    /// inside the radius's bounding box are measured, and a district's services share its
    /// distance, each district keeping its services in name order.
    /// </summary>
    /// <returns>How many services matched in all.</returns>
    private int Near(GeoPoint near, double radiusKm, ReadOnlySpan<ulong> mask, long skip, int take, List<(IndexedService, double?)> items)
    {
        var box = GeoBox.Around(near, radiusKm);
        var inRange = new List<(DistrictCell Cell, double Distance)>();
        var from = LowerBound(_districtsByLatitude, box.MinLatitude);
        for (var i = from; i < _districtsByLatitude.Length && _districtsByLatitude[i].Centroid.Latitude <= box.MaxLatitude; i++)
        {
            var cell = _districtsByLatitude[i];
            if (cell.Centroid.Longitude < box.MinLongitude || cell.Centroid.Longitude > box.MaxLongitude)
            {
                continue;
            }

            var distance = near.DistanceKmTo(cell.Centroid);
            if (distance <= radiusKm)
            {
                inRange.Add((cell, distance));
            }
        }

        inRange.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        var total = 0;
        for (var start = 0; start < inRange.Count;)
        {
            // Districts at exactly the same distance share a place in the order.
            var end = start + 1;
            while (end < inRange.Count && inRange[end].Distance == inRange[start].Distance)
            {
                end++;
            }

            var count = 0;
            for (var i = start; i < end; i++)
            {
                foreach (var slot in inRange[i].Cell.Slots)
                {
                    count += Bitset.Has(mask, slot) ? 1 : 0;
                }
            }

            total += count;
            if (skip >= count)
            {
                skip -= count;
            }
            else if (items.Count < take)
            {
                var distance = Math.Round(inRange[start].Distance, 1);
                var ordered = inRange[start].Cell.Slots;
                if (end - start > 1)
                {
                    // Rare: districts sharing a centroid, or exactly as far apart.
                    ordered = [.. inRange.Take(end).Skip(start).SelectMany(d => d.Cell.Slots).OrderBy(slot => _rank[slot])];
                }

                TakeInOrder(ordered, mask, skip, take, distance, items);
                skip = 0;
            }

            start = end;
        }

        return total;
    }

    /// <summary>Appends, in the given order, the slots that are in set, after skipping skip of them, until items holds upTo.</summary>
    private void TakeInOrder(List<int> ordered, ReadOnlySpan<ulong> set, long skip, int upTo, double? distance, List<(IndexedService, double?)> items)
    {
        foreach (var slot in ordered)
        {
            if (items.Count >= upTo)
            {
                return;
            }

            if (!Bitset.Has(set, slot))
            {
                continue;
            }

            if (skip > 0)
            {
                skip--;
                continue;
            }

            items.Add((_slots[slot].Service, distance));
        }
    }

    /// <param name="ordered">Whether to keep the name order now (a change) or leave it to <see cref="Load"/>.</param>
    private void Index(int slot, Slot indexed, bool ordered)
    {
        var service = indexed.Service;
        var capacity = _slots.Count;
        Holders(_statuses, service.Status, capacity).Set(slot);
        foreach (var (kind, codes) in Codes(service))
        {
            foreach (var code in codes)
            {
                Holders(_codes, Key(kind, code), capacity).Set(slot);
            }
        }

        _nameWords.Add(slot, indexed.NameWords, capacity);
        _allWords.Add(slot, indexed.AllWords, capacity);

        if (ordered)
        {
            var position = _byName.BinarySearch(slot, Comparer<int>.Create((a, b) => NameOrder.Instance.Compare(Key(_slots[a]), Key(_slots[b]))));
            position = position >= 0 ? position : ~position;
            _byName.Insert(position, slot);
            Rerank(position);
        }
        else
        {
            _byName.Add(slot);
        }

        if (service.District is { } district && service.Centroid is { } centroid)
        {
            if (!_districts.TryGetValue(district, out var cell))
            {
                cell = new DistrictCell(centroid);
                _districts.Add(district, cell);
                _districtsByLatitude = [.. _districts.Values.OrderBy(c => c.Centroid.Latitude)];
            }

            if (ordered)
            {
                // Ranks only shift together, so each district's list stays in name order.
                var at = cell.Slots.BinarySearch(slot, Comparer<int>.Create((a, b) => _rank[a].CompareTo(_rank[b])));
                cell.Slots.Insert(at < 0 ? ~at : at, slot);
            }
            else
            {
                cell.Slots.Add(slot);
            }
        }
    }

    private void Unindex(int slot, Slot indexed)
    {
        var service = indexed.Service;
        _statuses[service.Status].Clear(slot);
        foreach (var (kind, codes) in Codes(service))
        {
            foreach (var code in codes)
            {
                _codes[Key(kind, code)].Clear(slot);
            }
        }

        _nameWords.Remove(slot, indexed.NameWords);
        _allWords.Remove(slot, indexed.AllWords);

        if (service.District is { } district && _districts.TryGetValue(district, out var cell))
        {
            cell.Slots.Remove(slot);
        }

        var position = _rank[slot];
        _byName.RemoveAt(position);
        Rerank(position);
    }

    // One string per distinct word or code, however many services use it: at 100,000 services
    // copies would be a large share of the index's memory. Words are kept once seen.
    private string[] Intern(IReadOnlyList<string> words)
    {
        var interned = new string[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (!_wordPool.TryGetValue(words[i], out var word))
            {
                word = words[i];
                _wordPool.Add(word);
            }

            interned[i] = word;
        }

        return interned;
    }

    private void Rerank(int from)
    {
        for (var i = from; i < _byName.Count; i++)
        {
            _rank[_byName[i]] = i;
        }
    }

    private static int LowerBound(DistrictCell[] cells, double latitude)
    {
        int low = 0, high = cells.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (cells[mid].Centroid.Latitude < latitude)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static Bitset Holders(Dictionary<string, Bitset> sets, string key, int capacity)
    {
        if (!sets.TryGetValue(key, out var set))
        {
            set = new Bitset(capacity);
            sets.Add(key, set);
        }

        return set;
    }

    private static (string Name, Guid Id) Key(Slot slot) => (slot.Service.Name, slot.Service.Id);

    private static string Key(string kind, string code) => kind + ":" + code;

    private static (string Kind, IReadOnlyList<string> Codes)[] Codes(IndexedService service) =>
    [
        (Kinds.Condition, service.Conditions),
        (Kinds.Community, service.Communities),
        (Kinds.Format, service.Formats),
        (Kinds.Language, service.Languages),
        (Kinds.Organisation, service.Organisation is null ? Array.Empty<string>() : new[] { service.Organisation }),
    ];

    private static string KindOf(CodeKind kind) => kind switch
    {
        CodeKind.Condition => Kinds.Condition,
        CodeKind.Community => Kinds.Community,
        _ => Kinds.Format,
    };

    private static class Kinds
    {
        public const string Condition = "condition";
        public const string Community = "community";
        public const string Format = "format";
        public const string Language = "language";
        public const string Organisation = "organisation";
    }

    private sealed record Slot(IndexedService Service, IReadOnlyList<string> NameWords, IReadOnlyList<string> AllWords);

    private sealed class DistrictCell(GeoPoint centroid)
    {
        public GeoPoint Centroid { get; } = centroid;

        /// <summary>The district's services with a venue, in name order.</summary>
        public List<int> Slots { get; } = [];
    }

    /// <summary>Bitset-sized scratch buffers for one search, from the shared pool.</summary>
    private sealed class Buffers(int words) : IDisposable
    {
        private readonly List<ulong[]> _rented = [];

        /// <summary>A cleared buffer of at least the bitsets' length (only that much is used).</summary>
        public ulong[] Next()
        {
            var buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words));
            _rented.Add(buffer);
            buffer.AsSpan(0, words).Clear();
            return buffer;
        }

        public void Dispose()
        {
            foreach (var buffer in _rented)
            {
                ArrayPool<ulong>.Shared.Return(buffer);
            }
        }
    }
}
