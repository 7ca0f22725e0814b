namespace Referral.Domain.Personality;

/// <summary>
/// Three bands of TIPI extraversion (1.0 to 7.0, the mean of two items), coarse enough to keep
/// with a referral after the profile is erased: reserved up to 3.0, outgoing from 5.0, middle
/// between (the scale's midpoint is 4).
/// </summary>
public static class ExtraversionBands
{
    public const string Reserved = "reserved";
    public const string Middle = "middle";
    public const string Outgoing = "outgoing";

    public static readonly IReadOnlyList<string> All = [Reserved, Middle, Outgoing];

    public static string Of(double extraversion) => extraversion switch
    {
        <= 3.0 => Reserved,
        >= 5.0 => Outgoing,
        _ => Middle,
    };
}
