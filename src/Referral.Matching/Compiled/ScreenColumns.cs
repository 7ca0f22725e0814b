namespace Referral.Matching.Compiled;

/// <summary>
/// The directory's screens again, one array per field (32-bit lanes), so that
/// <see cref="Ranking.VectorScreen"/> can check eight services at once with SIMD. Built once per
/// directory, like the screens themselves; the two always say the same (a property test ranks
/// through both).
/// </summary>
internal sealed class ScreenColumns
{
    public const int Active = 1;
    public const int Full = 2;
    public const int National = 4;
    public const int WomenOnly = 8;
    public const int MenOnly = 16;
    public const int RemoteArea = 32;

    public ScreenColumns(Screen[] screens, CandidateTraits[] traits)
    {
        var n = screens.Length;
        Flags = new int[n];
        MinAge = new int[n];
        MaxAge = new int[n];
        Conditions = new int[n];
        Communities = new int[n];
        Formats = new int[n];
        CostRank = new int[n];
        LanguageSet = new int[n];
        VenueSlot = new int[n];
        Accessibility = new int[n];
        Ceilings = new int[n];
        AreaHaversine = new double[n];
        RemoteAreaHaversine = new double[n];
        for (var i = 0; i < n; i++)
        {
            ref readonly var s = ref screens[i];
            Flags[i] = (s.Active ? Active : 0) | (s.Full ? Full : 0) | (s.National ? National : 0)
                | (s.WomenOnly ? WomenOnly : 0) | (s.MenOnly ? MenOnly : 0) | (s.HasRemoteArea ? RemoteArea : 0);
            MinAge[i] = s.MinAge;
            MaxAge[i] = s.MaxAge;
            Conditions[i] = unchecked((int)s.Conditions);
            Communities[i] = unchecked((int)s.Communities);
            Formats[i] = s.Formats;
            CostRank[i] = s.CostRank;
            LanguageSet[i] = s.LanguageSet;
            VenueSlot[i] = s.Venue + 1;
            Accessibility[i] = s.Accessibility;
            Ceilings[i] = s.QualityCeiling | (s.EndorsementCeiling << 8) | (s.PeerCeiling << 16)
                | (((s.SafeguardingPolicy ? 1 : 0) + (s.TrainedFacilitators ? 1 : 0)) << 24);
            AreaHaversine[i] = traits[i].AreaHaversine;
            RemoteAreaHaversine[i] = traits[i].RemoteAreaHaversine;
        }
    }

    public int[] Flags { get; }

    public int[] MinAge { get; }

    public int[] MaxAge { get; }

    public int[] Conditions { get; }

    public int[] Communities { get; }

    public int[] Formats { get; }

    public int[] CostRank { get; }

    public int[] LanguageSet { get; }

    /// <summary>The venue's number plus one: slot 0 of a request's distance table is "no venue" (NaN).</summary>
    public int[] VenueSlot { get; }

    public int[] Accessibility { get; }

    /// <summary>Quality, endorsement and peer-recommendation ceilings (255ths) in bytes 0-2; halves of safe-and-confidential in byte 3.</summary>
    public int[] Ceilings { get; }

    public double[] AreaHaversine { get; }

    public double[] RemoteAreaHaversine { get; }
}
