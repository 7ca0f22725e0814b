using System.Numerics;
using Referral.Matching.Compiled;

namespace Referral.Matching.Ranking;

/// <summary>
/// A patient who names no preferred format may not know what suits them, so the first three
/// places offer a real choice: a service they can attend in person and one they can use from
/// home, from more than one organisation, in more than one format. The best service always
/// stays first; the two places after it go to the best-scoring pair that meets these
/// requirements, in that order of priority, as far as the eligible services allow. Every
/// service moved up is reported with its reason.
/// </summary>
internal sealed class ChoiceRule(CandidateDirectory directory)
{
    public const string Rule =
        "When the patient names no preferred format, the best-scoring service stays first, and the next two places go to the best-scoring pair " +
        "of eligible services (the better first) that meets, in this order of priority and as far as the eligible services allow: " +
        "(1) local-and-remote: when both are eligible, the first three hold a live local option (a service offered to the patient in person) " +
        "and a remote one (online, by phone or by messages; a service offered both ways counts as both); " +
        "(2) organisations: no more than two of the first three from one organisation (services are one organisation's when their organisation names " +
        "match, ignoring case, spaces and punctuation); (3) formats: the first three show more than one format. When no pair meets them all, the " +
        "lowest-priority requirement is dropped first. Services moved up are listed in the set's variety, each with its rule and reason; the others " +
        "move down, and a service moved in from below the list pushes the last one out. With a limit of two, the same applies to the first two.";

    private const int Places = 3;

    // Groups of candidates the rule may need the best of: any, local, remote, and each format.
    private const int Any = 0;
    private const int Local = 1;
    private const int Remote = 2;
    private const int FirstFormat = 3;
    private static readonly int GroupCount = FirstFormat + FormatTable.Count;

    // For each set of formats, the groups a candidate offered in it belongs to.
    private static readonly int[] GroupsBySet = Enumerable.Range(0, 1 << FormatTable.Count).Select(GroupsOf).ToArray();

    // In each group, the best candidate, and the best of another organisation than that one:
    // whichever single organisation a requirement rules out, one of the two is the best left.
    private readonly Ranked?[] _best = new Ranked?[GroupCount];
    private readonly Ranked?[] _otherOrganisation = new Ranked?[GroupCount];

    // For each group, the lowest total that could still change it (its best of another
    // organisation's; none until it has one). Entries only rise.
    private readonly double[] _entryByGroup = Enumerable.Repeat(double.NegativeInfinity, GroupCount).ToArray();

    // The same for each set of formats, in single precision for the SIMD screen, worked out again
    // only when it is read after a change: leaders change often early in a scan and rarely later.
    private readonly float[] _entryBySet = new float[1 << FormatTable.Count];
    private bool _entriesChanged = true;

    private enum Requirement
    {
        LocalAndRemote,
        Organisations,
        Formats,
    }

    public static bool AppliesTo(PatientTraits patient) => patient.PreferredFormats == 0;

    /// <summary>The total below which a candidate offered in <paramref name="formats"/> changes nothing here: the lowest entry of its groups.</summary>
    public double EntryFor(int formats)
    {
        var lowest = double.PositiveInfinity;
        for (var groups = GroupsBySet[formats]; groups != 0; groups &= groups - 1)
        {
            lowest = Math.Min(lowest, _entryByGroup[BitOperations.TrailingZeroCount(groups)]);
        }

        return lowest;
    }

    /// <summary>
    /// <see cref="EntryFor"/> for every set of formats, in single precision and never above the
    /// exact entry (-1 where there is none yet), for the SIMD screen.
    /// </summary>
    public float[] EntriesBySet()
    {
        if (_entriesChanged)
        {
            for (var set = 0; set < _entryBySet.Length; set++)
            {
                _entryBySet[set] = Math.Max(-1, FloatBelow(set == 0 ? double.NegativeInfinity : EntryFor(set)));
            }

            _entriesChanged = false;
        }

        return _entryBySet;
    }

    public void Consider(double total, int index, in Constraints.Offer offer)
    {
        var formats = offer.Formats;
        if (total < EntryFor(formats))
        {
            return;
        }

        var ranked = new Ranked(total, directory[index].ServiceId, index, offer);
        var organisation = OrganisationOf(ranked);
        var changed = false;
        for (var groups = GroupsBySet[formats]; groups != 0; groups &= groups - 1)
        {
            changed |= Update(BitOperations.TrailingZeroCount(groups), ranked, organisation);
        }

        if (changed)
        {
            UpdateEntries();
        }
    }

    /// <summary>Re-orders the first places of <paramref name="ranked"/> (best first, at most <paramref name="limit"/>) and says what moved.</summary>
    public IReadOnlyList<VarietyMove> Apply(List<Ranked> ranked, int limit)
    {
        var places = Math.Min(Places, Math.Min(limit, ranked.Count));
        if (places < 2)
        {
            return [];
        }

        // Everything the search may need: the list itself and each group's leaders.
        var pool = new List<Ranked>(ranked);
        foreach (var leader in _best.Concat(_otherOrganisation))
        {
            if (leader is { } r && !pool.Exists(p => p.Index == r.Index))
            {
                pool.Add(r);
            }
        }

        pool.Sort(Ranked.BestFirst);

        List<Requirement> requirements = [Requirement.Organisations, Requirement.Formats];
        if (_best[Local] is not null && _best[Remote] is not null)
        {
            requirements.Insert(0, Requirement.LocalAndRemote);
        }

        var plain = ranked.GetRange(0, places).ToArray();
        for (var count = requirements.Count; count > 0; count--)
        {
            var wanted = requirements.GetRange(0, count);
            if (Search(pool, places, wanted) is not { } chosen)
            {
                continue;
            }

            // The plain order is the first choice searched, so it is kept whenever it meets them.
            return MeetsAll(plain, wanted) ? [] : Move(ranked, limit, plain, chosen, wanted);
        }

        return [];
    }

    // The float nearest below (or at) an entry, so a comparison with it never turns away a
    // candidate the exact entry would let in.
    private static float FloatBelow(double value)
    {
        var single = (float)value;
        return single > value ? MathF.BitDecrement(single) : single;
    }

    private static int GroupsOf(int formats)
    {
        var groups = formats == 0 ? 0 : 1 << Any;
        groups |= (formats & FormatTable.InPerson) != 0 ? 1 << Local : 0;
        groups |= (formats & FormatTable.Remote) != 0 ? 1 << Remote : 0;
        return groups | (formats << FirstFormat);
    }

    private static string Ordinal(int place) => place switch
    {
        2 => "2nd",
        3 => "3rd",
        _ => $"{place}th",
    };

    private static bool HasLocal(IEnumerable<Ranked> items) => items.Any(r => (r.Formats & FormatTable.InPerson) != 0);

    private ulong OrganisationOf(in Ranked ranked) => directory.Traits[ranked.Index].Organisation;

    private bool Update(int group, in Ranked candidate, ulong organisation)
    {
        if (_best[group] is not { } best)
        {
            _best[group] = candidate;
            return true;
        }

        if (candidate.IsBetterThan(best))
        {
            // The old best is now the best of another organisation, unless it shares the new one's.
            if (OrganisationOf(best) != organisation)
            {
                _otherOrganisation[group] = best;
            }

            _best[group] = candidate;
            return true;
        }

        if (OrganisationOf(best) != organisation && (_otherOrganisation[group] is not { } other || candidate.IsBetterThan(other)))
        {
            _otherOrganisation[group] = candidate;
            return true;
        }

        return false;
    }

    private void UpdateEntries()
    {
        for (var group = 0; group < GroupCount; group++)
        {
            _entryByGroup[group] = _otherOrganisation[group]?.Total ?? double.NegativeInfinity;
        }

        _entriesChanged = true;
    }

    /// <summary>The first places meeting every requirement, keeping the best first: the best-scoring such choice, the better first.</summary>
    private Ranked[]? Search(List<Ranked> pool, int places, List<Requirement> requirements)
    {
        var choice = new Ranked[places];
        choice[0] = pool[0];
        for (var i = 1; i < pool.Count; i++)
        {
            choice[1] = pool[i];
            if (places == 2)
            {
                if (MeetsAll(choice, requirements))
                {
                    return choice;
                }

                continue;
            }

            for (var j = i + 1; j < pool.Count; j++)
            {
                choice[2] = pool[j];
                if (MeetsAll(choice, requirements))
                {
                    return choice;
                }
            }
        }

        return null;
    }

    private bool MeetsAll(ReadOnlySpan<Ranked> places, List<Requirement> requirements)
    {
        foreach (var requirement in requirements)
        {
            if (!Meets(places, requirement))
            {
                return false;
            }
        }

        return true;
    }

    private bool Meets(ReadOnlySpan<Ranked> places, Requirement requirement)
    {
        var formats = 0;
        foreach (var place in places)
        {
            formats |= place.Formats;
        }

        return requirement switch
        {
            Requirement.LocalAndRemote => (formats & FormatTable.InPerson) != 0 && (formats & FormatTable.Remote) != 0,
            Requirement.Organisations => places.Length < Places
                || OrganisationOf(places[0]) != OrganisationOf(places[1]) || OrganisationOf(places[1]) != OrganisationOf(places[2]),
            _ => BitOperations.PopCount((uint)formats) > 1,
        };
    }

    /// <summary>
    /// Puts <paramref name="chosen"/> first and says why each service that now stands higher
    /// than in the plain order moved: the one brought in for a missing kind of support says so;
    /// one that rose because a place went to another organisation says that.
    /// </summary>
    private List<VarietyMove> Move(List<Ranked> ranked, int limit, Ranked[] plain, Ranked[] chosen, List<Requirement> wanted)
    {
        var rest = ranked.Where(r => !Array.Exists(chosen, c => c.Index == r.Index)).ToList();
        ranked.Clear();
        ranked.AddRange(chosen);
        ranked.AddRange(rest);
        if (ranked.Count > limit)
        {
            ranked.RemoveRange(limit, ranked.Count - limit);
        }

        var first = chosen.Length == Places ? "the first three" : "the first two";
        var moves = new List<VarietyMove>();
        for (var place = 1; place <= chosen.Length; place++)
        {
            var service = chosen[place - 1];
            var before = Array.FindIndex(plain, p => p.Index == service.Index) + 1;
            if (before is > 0 && before <= place)
            {
                continue;
            }

            var local = (service.Formats & FormatTable.InPerson) != 0;
            var remote = (service.Formats & FormatTable.Remote) != 0;
            var at = $"Moved up to {Ordinal(place)} place so that";
            var (rule, reason) =
                wanted.Contains(Requirement.LocalAndRemote) && local && !HasLocal(plain)
                    ? (Requirement.LocalAndRemote, $"{at} {first} include a service you can attend in person.")
                : wanted.Contains(Requirement.LocalAndRemote) && remote && !HasRemote(plain)
                    ? (Requirement.LocalAndRemote, $"{at} {first} include one you can use from home: online, by phone or by messages.")
                : wanted.Contains(Requirement.Organisations) && OrganisationOf(service) != OrganisationOf(chosen[0])
                    ? (Requirement.Organisations, $"{at} no more than two of {first} come from {directory[chosen[0].Index].OrganisationName}.")
                : (Requirement.Formats, $"{at} {first} show more than one format: it offers {FormatTable.Names(service.Formats)}.");
            moves.Add(new VarietyMove(Code(rule), service.ServiceId, place, reason));
        }

        return moves;
    }

    private static bool HasRemote(IEnumerable<Ranked> items) => items.Any(r => (r.Formats & FormatTable.Remote) != 0);

    private static string Code(Requirement requirement) => requirement switch
    {
        Requirement.LocalAndRemote => "local-and-remote",
        Requirement.Organisations => "organisations",
        _ => "formats",
    };
}
