using Referral.Matching.Constraints;

namespace Referral.Matching.Ranking;

/// <summary>
/// The best K candidates seen so far, as a min-heap with the weakest at the root. Memory is
/// proportional to K, not to the directory: most candidates are turned away by one comparison.
/// </summary>
internal sealed class TopK(int capacity, CandidateDirectory directory)
{
    private readonly Ranked[] _heap = new Ranked[capacity];
    private int _count;

    /// <summary>The total a candidate must reach to enter: the weakest kept once the list is full, else none.</summary>
    public double Threshold => _count == _heap.Length && _count > 0 ? _heap[0].Total : double.NegativeInfinity;

    public void Add(double total, int index, in Offer offer)
    {
        if (_count < _heap.Length)
        {
            _heap[_count] = new Ranked(total, directory[index].ServiceId, index, offer);
            SiftUp(_count++);
            return;
        }

        // Cheap rejection on the total alone; the id only matters on an exact tie.
        if (_count == 0 || total < _heap[0].Total)
        {
            return;
        }

        var candidate = new Ranked(total, directory[index].ServiceId, index, offer);
        if (candidate.IsBetterThan(_heap[0]))
        {
            _heap[0] = candidate;
            SiftDown(0);
        }
    }

    public List<Ranked> BestFirst()
    {
        var list = new List<Ranked>(_count + 1);
        list.AddRange(_heap.AsSpan(0, _count));
        list.Sort(Ranked.BestFirst);
        return list;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!_heap[parent].IsBetterThan(_heap[i]))
            {
                return;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var weakest = i;
            var left = 2 * i + 1;
            var right = left + 1;
            if (left < _count && _heap[weakest].IsBetterThan(_heap[left]))
            {
                weakest = left;
            }

            if (right < _count && _heap[weakest].IsBetterThan(_heap[right]))
            {
                weakest = right;
            }

            if (weakest == i)
            {
                return;
            }

            (_heap[weakest], _heap[i]) = (_heap[i], _heap[weakest]);
            i = weakest;
        }
    }
}
