using Referral.Matching.Compiled;
using Referral.Matching.Constraints;

namespace Referral.Matching.Ranking;

/// <summary>
/// A patient who names no preferred format should see more than one kind of support near the
/// top, since they may not know what suits them. The re-ranking is minimal: one service moves.
/// </summary>
internal sealed class VarietyRule(CandidateDirectory directory)
{
    public const string Rule =
        "When the patient names no preferred format and the top five (or the whole list, if shorter) are all offered in one and the same format, " +
        "the best-scoring eligible service offered in another format is moved into fifth place (last place of a shorter list) and the rest move down one.";

    private const int TopPlaces = 5;

    // The best eligible candidate offered in each format: enough to find the promotion without
    // keeping every candidate.
    private readonly Ranked?[] _bestByFormat = new Ranked?[FormatTable.Count];

    // For each set of formats, the lowest total among its formats' leaders: a candidate below it
    // leads none of its formats, and is turned away by one comparison.
    private readonly double[] _entryBySet = Enumerable.Repeat(double.NegativeInfinity, 1 << FormatTable.Count).ToArray();

    public static bool AppliesTo(PatientTraits patient) => patient.PreferredFormats == 0;

    public void Consider(double total, int index, in Offer offer)
    {
        var formats = offer.Formats;
        if (total < _entryBySet[formats])
        {
            return;
        }

        var ranked = new Ranked(total, directory[index].ServiceId, index, offer);
        var changed = false;
        for (var f = 0; f < FormatTable.Count; f++)
        {
            if ((formats & (1 << f)) != 0 && (_bestByFormat[f] is not { } leader || ranked.IsBetterThan(leader)))
            {
                _bestByFormat[f] = ranked;
                changed = true;
            }
        }

        if (changed)
        {
            UpdateEntries();
        }
    }

    public void Apply(List<Ranked> ranked, int limit)
    {
        var places = Math.Min(TopPlaces, Math.Min(limit, ranked.Count));
        if (places < 2)
        {
            return;
        }

        var shown = 0;
        for (var i = 0; i < places; i++)
        {
            shown |= ranked[i].Formats;
        }

        if (!FormatTable.IsSingle(shown) || BestOutside(shown) is not { } promoted)
        {
            return;
        }

        var at = ranked.FindIndex(r => r.Index == promoted.Index);
        if (at >= 0)
        {
            ranked.RemoveAt(at);
        }
        else if (ranked.Count >= limit)
        {
            ranked.RemoveAt(ranked.Count - 1);
        }

        ranked.Insert(places - 1, promoted);
    }

    private Ranked? BestOutside(int formats)
    {
        Ranked? best = null;
        for (var f = 0; f < _bestByFormat.Length; f++)
        {
            if ((formats & (1 << f)) == 0 && _bestByFormat[f] is { } leader && (best is not { } b || leader.IsBetterThan(b)))
            {
                best = leader;
            }
        }

        return best;
    }

    // Leaders change rarely (a few dozen times in a large directory), so recomputing all 63
    // sets then is cheaper than any bookkeeping.
    private void UpdateEntries()
    {
        for (var set = 1; set < _entryBySet.Length; set++)
        {
            var lowest = double.PositiveInfinity;
            for (var f = 0; f < FormatTable.Count; f++)
            {
                if ((set & (1 << f)) != 0)
                {
                    lowest = Math.Min(lowest, _bestByFormat[f]?.Total ?? double.NegativeInfinity);
                }
            }

            _entryBySet[set] = lowest;
        }
    }
}
