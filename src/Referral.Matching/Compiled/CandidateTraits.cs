namespace Referral.Matching.Compiled;

/// <summary>
/// One service reduced to numbers and bit sets, laid out so that scores and explanations read it
/// without allocating or searching lists. Built once per service by <see cref="Candidate.Compile"/>.
/// Ranking reads it only for the few services whose upper bound can still reach the list; every
/// service is first screened from its <see cref="Screen"/>, under a third of the size.
/// A vocabulary outgrowing its field fails loudly when services are compiled (checked casts).
/// </summary>
internal readonly struct CandidateTraits
{
    private readonly uint _conditions;
    private readonly uint _communities;
    private readonly short _minAge;
    private readonly short _maxAge;
    private readonly ushort _accessibility;
    private readonly byte _schedule;
    private readonly byte _formats;
    private readonly byte _routes;
    private readonly byte _costRank;
    private readonly byte _evidence;
    private readonly Flag _flags;

    public required UnitVector Venue { get; init; }

    public required LanguageMask Languages { get; init; }

    /// <summary>The haversine of the service area's radius (see <see cref="UnitVector"/>); ignored when <see cref="National"/>.</summary>
    public required double AreaHaversine { get; init; }

    /// <summary>The haversine of the radius its remote formats are offered within; used only with <see cref="HasRemoteArea"/>.</summary>
    public required double RemoteAreaHaversine { get; init; }

    /// <summary>A stable hash of the organisation's name, ignoring case, spaces and punctuation: services with the same key are one organisation's.</summary>
    public required ulong Organisation { get; init; }

    /// <summary>The track record as the practice asking is shown it; the engine may swap in another per request.</summary>
    public required DisclosedRecord Record { get; init; }

    /// <summary>DateOnly.DayNumber of the directory's last review.</summary>
    public required int ReviewedDay { get; init; }

    public required ulong Conditions { get => _conditions; init => _conditions = checked((uint)value); }

    public required ulong Communities { get => _communities; init => _communities = checked((uint)value); }

    public required ulong Accessibility { get => _accessibility; init => _accessibility = checked((ushort)value); }

    public required ulong Schedule { get => _schedule; init => _schedule = checked((byte)value); }

    public required int MinAge { get => _minAge; init => _minAge = checked((short)value); }

    public required int MaxAge { get => _maxAge; init => _maxAge = checked((short)value); }

    public required int Formats { get => _formats; init => _formats = checked((byte)value); }

    public required int Routes { get => _routes; init => _routes = checked((byte)value); }

    /// <summary>0 free, 1 low-cost, 2 paid (the order of Vocabularies.Costs).</summary>
    public required int CostRank { get => _costRank; init => _costRank = checked((byte)value); }

    /// <summary>Position in Vocabularies.EvidenceLevels: 0 none .. 3 trial.</summary>
    public required int Evidence { get => _evidence; init => _evidence = checked((byte)value); }

    public required Flag Flags { get => _flags; init => _flags = value; }

    public bool Active => (Flags & Flag.Active) != 0;

    public bool Full => (Flags & Flag.Full) != 0;

    public bool HasVenue => (Flags & Flag.HasVenue) != 0;

    public bool National => (Flags & Flag.National) != 0;

    public bool Accredited => (Flags & Flag.Accredited) != 0;

    public bool SafeguardingPolicy => (Flags & Flag.SafeguardingPolicy) != 0;

    public bool TrainedFacilitators => (Flags & Flag.TrainedFacilitators) != 0;

    public bool WomenOnly => (Flags & Flag.WomenOnly) != 0;

    public bool MenOnly => (Flags & Flag.MenOnly) != 0;

    public bool HasRemoteArea => (Flags & Flag.RemoteArea) != 0;

    [Flags]
    internal enum Flag : ushort
    {
        None = 0,
        Active = 1,
        Full = 2,
        HasVenue = 4,
        National = 8,
        Accredited = 16,
        SafeguardingPolicy = 32,
        TrainedFacilitators = 64,
        WomenOnly = 128,
        MenOnly = 256,
        RemoteArea = 512,
    }

    public static Flag FlagIf(bool condition, Flag flag) => condition ? flag : Flag.None;
}
