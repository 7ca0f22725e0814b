using Referral.Matching.Factors;

namespace Referral.Matching.Compiled;

/// <summary>
/// What every service is screened on, on every request: the hard constraints and a cheap upper
/// bound on its total. 32 bytes, a third of <see cref="CandidateTraits"/>, because a million
/// services are read end to end per request and memory traffic, not arithmetic, sets the pace.
/// The venue and the languages are numbers into the directory's tables of distinct venues and
/// language sets (venues are district centroids, of which the UK has about 3,000), so a
/// request works out each distance and each language match once per table entry, not once per
/// service. Built by <see cref="CandidateDirectory"/>.
/// </summary>
internal readonly struct Screen
{
    public readonly uint Conditions;
    public readonly uint Communities;

    /// <summary>Index into CandidateDirectory.Venues, or -1 for a service with no known venue.</summary>
    public readonly int Venue;

    /// <summary>Index into CandidateDirectory.LanguageSets.</summary>
    public readonly int LanguageSet;

    public readonly short MinAge;
    public readonly short MaxAge;
    public readonly ushort Accessibility;
    public readonly byte Formats;
    public readonly ScreenFlag Flags;
    public readonly byte CostRank;
    public readonly byte Schedule;

    // The patient-independent factors, rounded up to 255ths: never below the exact score, so
    // the bound built from them never falls below the total (see UpperBound).
    public readonly byte QualityCeiling;
    public readonly byte EndorsementCeiling;
    public readonly byte PeerCeiling;

    public Screen(in CandidateTraits traits, int venue, int languageSet)
    {
        Conditions = (uint)traits.Conditions;
        Communities = (uint)traits.Communities;
        Venue = venue;
        LanguageSet = languageSet;
        MinAge = (short)traits.MinAge;
        MaxAge = (short)traits.MaxAge;
        Accessibility = (ushort)traits.Accessibility;
        Formats = (byte)traits.Formats;
        CostRank = (byte)traits.CostRank;
        Schedule = (byte)traits.Schedule;
        Flags = Flag(traits.Active, ScreenFlag.Active)
            | Flag(traits.Full, ScreenFlag.Full)
            | Flag(traits.National, ScreenFlag.National)
            | Flag(traits.WomenOnly, ScreenFlag.WomenOnly)
            | Flag(traits.MenOnly, ScreenFlag.MenOnly)
            | Flag(traits.HasRemoteArea, ScreenFlag.RemoteArea)
            | Flag(traits.SafeguardingPolicy, ScreenFlag.SafeguardingPolicy)
            | Flag(traits.TrainedFacilitators, ScreenFlag.TrainedFacilitators);
        // Reviewed is taken as true: the match date is not known until a request.
        QualityCeiling = Ceiling(QualityConfidence.Of(traits.Evidence, traits.Accredited, reviewed: true));
        EndorsementCeiling = Ceiling(ProfessionalEndorsement.Of(traits.Routes, traits.Record));
        PeerCeiling = Ceiling(PeerRecommendation.Of(traits.Record));
    }

    public bool Active => (Flags & ScreenFlag.Active) != 0;

    public bool Full => (Flags & ScreenFlag.Full) != 0;

    public bool National => (Flags & ScreenFlag.National) != 0;

    public bool WomenOnly => (Flags & ScreenFlag.WomenOnly) != 0;

    public bool MenOnly => (Flags & ScreenFlag.MenOnly) != 0;

    public bool HasRemoteArea => (Flags & ScreenFlag.RemoteArea) != 0;

    public bool SafeguardingPolicy => (Flags & ScreenFlag.SafeguardingPolicy) != 0;

    public bool TrainedFacilitators => (Flags & ScreenFlag.TrainedFacilitators) != 0;

    /// <summary>The 255ths a ceiling byte stands for, exactly as the bound reads it.</summary>
    public static double FromCeiling(byte ceiling) => ceiling / 255.0;

    /// <summary>The least number of 255ths that is not below <paramref name="score"/> (0 to 1), as doubles compare.</summary>
    internal static byte Ceiling(double score)
    {
        var steps = (int)Math.Ceiling(Math.Clamp(score, 0, 1) * 255);
        while (steps < 255 && FromCeiling((byte)steps) < score)
        {
            steps++;
        }

        return (byte)steps;
    }

    private static ScreenFlag Flag(bool condition, ScreenFlag flag) => condition ? flag : ScreenFlag.None;
}

[Flags]
internal enum ScreenFlag : byte
{
    None = 0,
    Active = 1,
    Full = 2,
    National = 4,
    WomenOnly = 8,
    MenOnly = 16,
    RemoteArea = 32,
    SafeguardingPolicy = 64,
    TrainedFacilitators = 128,
}
