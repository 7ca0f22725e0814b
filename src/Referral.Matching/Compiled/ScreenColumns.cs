namespace Referral.Matching.Compiled;

/// <summary>
/// The directory's screens again, one array per field (32-bit lanes), so that
/// <see cref="Ranking.VectorScreen"/> can check eight services at once with SIMD. Built once per
/// directory, like the screens themselves; the two always say the same (a property test ranks
/// through both). Small fields share a lane, so that what every service needs is 16 bytes: a
/// million services are read end to end per request, and memory traffic sets the pace.
/// </summary>
internal sealed class ScreenColumns
{
    // Packed: flags in bits 0-7, formats in 8-13, cost rank in 14-15, language set in 16-31.
    public const int Active = 1;
    public const int Full = 2;
    public const int National = 4;
    public const int WomenOnly = 8;
    public const int MenOnly = 16;
    public const int RemoteArea = 32;
    public const int FormatsShift = 8;
    public const int CostShift = 14;
    public const int LanguageShift = 16;

    // Venue slot in bits 0-15 and accessibility in 16-31 of VenueAccess.
    public const int AccessShift = 16;

    private const int Limit = ushort.MaxValue;

    private ScreenColumns(int length)
    {
        Packed = new int[length];
        Ages = new int[length];
        Conditions = new int[length];
        Communities = new int[length];
        VenueAccess = new int[length];
        Ceilings = new int[length];
        AreaHaversine = new double[length];
        RemoteAreaHaversine = new double[length];
    }

    /// <summary>Flags, formats, cost rank and language set (see the shifts above).</summary>
    public int[] Packed { get; }

    /// <summary>Minimum age in the low 16 bits and maximum age in the high 16 bits, each signed.</summary>
    public int[] Ages { get; }

    public int[] Conditions { get; }

    public int[] Communities { get; }

    /// <summary>The venue's number plus one (slot 0 of a request's tables is "no venue") in the low 16 bits, accessibility in the high 16.</summary>
    public int[] VenueAccess { get; }

    /// <summary>Quality, endorsement and peer-recommendation ceilings (255ths) in bytes 0-2; halves of safe-and-confidential in byte 3.</summary>
    public int[] Ceilings { get; }

    public double[] AreaHaversine { get; }

    public double[] RemoteAreaHaversine { get; }

    /// <summary>The columns, or null for a directory whose venues or language sets do not fit 16 bits (it is screened one service at a time).</summary>
    public static ScreenColumns? Of(Screen[] screens, CandidateTraits[] traits, int venues, int languageSets)
    {
        if (venues + 1 > Limit || languageSets > Limit)
        {
            return null;
        }

        var columns = new ScreenColumns(screens.Length);
        for (var i = 0; i < screens.Length; i++)
        {
            ref readonly var s = ref screens[i];
            var flags = (s.Active ? Active : 0) | (s.Full ? Full : 0) | (s.National ? National : 0)
                | (s.WomenOnly ? WomenOnly : 0) | (s.MenOnly ? MenOnly : 0) | (s.HasRemoteArea ? RemoteArea : 0);
            columns.Packed[i] = flags | (s.Formats << FormatsShift) | (s.CostRank << CostShift) | (s.LanguageSet << LanguageShift);
            columns.Ages[i] = (ushort)s.MinAge | (s.MaxAge << 16);
            columns.Conditions[i] = unchecked((int)s.Conditions);
            columns.Communities[i] = unchecked((int)s.Communities);
            columns.VenueAccess[i] = (s.Venue + 1) | (s.Accessibility << AccessShift);
            columns.Ceilings[i] = s.QualityCeiling | (s.EndorsementCeiling << 8) | (s.PeerCeiling << 16)
                | (((s.SafeguardingPolicy ? 1 : 0) + (s.TrainedFacilitators ? 1 : 0)) << 24);
            columns.AreaHaversine[i] = traits[i].AreaHaversine;
            columns.RemoteAreaHaversine[i] = traits[i].RemoteAreaHaversine;
        }

        return columns;
    }
}
