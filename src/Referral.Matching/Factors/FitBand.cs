namespace Referral.Matching.Factors;

/// <summary>How well a service does on one factor, in the three bands its reason is worded for.</summary>
internal enum FitBand
{
    Poor,
    Partial,
    Good,
}

/// <summary>
/// Where the bands start. A reason is chosen by its factor's score band, so a GP reading it out
/// never praises a poor score or runs down a good one.
/// </summary>
internal static class FitBands
{
    public const double Good = 0.7;
    public const double Partial = 0.4;

    public const string Rule =
        "Each factor's reason is worded for its score's band: good (0.7 or more) says what fits, with no negative; " +
        "partial (0.4 to under 0.7) gives both sides; poor (under 0.4) says what is missing and claims no fit. " +
        "A neutral 0.5, where the patient gave no answer, says that it is neutral.";

    public static FitBand Of(double score) => score >= Good ? FitBand.Good : score >= Partial ? FitBand.Partial : FitBand.Poor;
}
