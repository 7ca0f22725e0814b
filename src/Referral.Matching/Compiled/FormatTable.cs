using System.Numerics;
using Referral.Domain.Vocabulary;

namespace Referral.Matching.Compiled;

/// <summary>
/// The six formats of Referral.Domain as bit positions, with the facts the engine asks of a set
/// of formats precomputed for all 64 sets so that scoring never loops over formats.
/// </summary>
internal static class FormatTable
{
    public static readonly int Count = Formats.All.Count;

    public static readonly int All = (1 << Count) - 1;

    public static readonly int InPerson = MaskWhere(f => f.InPerson);

    public static readonly int Remote = All & ~InPerson;

    /// <summary>Formats needing no real-time contact (online community, messages): they fit any time.</summary>
    public static readonly int Asynchronous = MaskWhere(f => !f.RealTime);

    /// <summary>For each set of formats, the social intensity of its most social format.</summary>
    public static readonly double[] MaxSocialIntensity = ForEverySet(i => Formats.All[i].SocialIntensity);

    public static int Of(IEnumerable<string> codes) => (int)CodeMask.Of(Formats.Terms, codes);

    public static IReadOnlyList<string> Codes(int mask) => CodeMask.Codes(Formats.Terms, (ulong)mask);

    public static bool IsSingle(int mask) => BitOperations.PopCount((uint)mask) == 1;

    /// <summary>Short names a GP can say: "online group", "support messages".</summary>
    public static string Name(int index) => Formats.All[index].Code switch
    {
        Formats.InPersonGroup => "in-person group",
        Formats.OnlineGroup => "online group",
        Formats.OneToOneInPerson => "one-to-one in person",
        Formats.OneToOneRemote => "one-to-one by phone or video",
        Formats.OnlineCommunity => "online community",
        Formats.Messages => "support messages",
        var code => code,
    };

    public static string Names(int mask) => Words.JoinWithAnd(CodeMask.Indices((ulong)mask).Select(Name));

    /// <summary>For each set of formats, the largest value any of its formats has (by vocabulary position).</summary>
    public static double[] ForEverySet(Func<int, double> valueOfFormat)
    {
        var table = new double[1 << Count];
        for (var set = 1; set < table.Length; set++)
        {
            table[set] = double.NegativeInfinity;
            for (var i = 0; i < Count; i++)
            {
                if ((set & (1 << i)) != 0)
                {
                    table[set] = Math.Max(table[set], valueOfFormat(i));
                }
            }
        }

        return table;
    }

    private static int MaskWhere(Func<Format, bool> predicate) =>
        Formats.All.Select((f, i) => predicate(f) ? 1 << i : 0).Aggregate(0, (a, b) => a | b);
}
