namespace Referral.Matching.Tests.Support;

internal static class Patients
{
    public static readonly DateOnly AsOf = new(2026, 6, 1);

    /// <summary>A 46-year-old in central Leeds who will travel 10 km and has said nothing else.</summary>
    public static Patient InLeeds => new()
    {
        BirthYear = 1980,
        Location = Places.LeedsCentre,
        MaxTravelKm = 10,
    };
}

internal static class Engine
{
    public static CandidateDirectory DirectoryOf(params ServiceSpec[] services) =>
        CandidateDirectory.From(services.Select(s => s.Compile()));

    public static MatchResult Rank(Patient patient, params ServiceSpec[] services) =>
        MatchingEngine.Rank(patient, DirectoryOf(services), 20, Patients.AsOf);
}
