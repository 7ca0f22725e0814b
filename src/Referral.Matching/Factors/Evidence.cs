namespace Referral.Matching.Factors;

/// <summary>What a service's evidence level is worth, in the order of Vocabularies.EvidenceLevels.</summary>
internal static class Evidence
{
    public static readonly double[] Value = [0.25, 0.5, 0.8, 1.0];

    public static readonly string[] Words =
    [
        "not yet evaluated",
        "collects feedback from the people who use it",
        "independently evaluated",
        "evaluated in a trial",
    ];
}
