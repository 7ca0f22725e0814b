using System.Runtime.CompilerServices;

namespace Referral.Matching.Compiled;

/// <summary>
/// A share from a track record, pulled towards one half as if ten more referrals had gone half
/// one way and half the other (a Bayesian mean with a Beta(5, 5) prior). A service with a
/// handful of referrals therefore moves little from neutral, and one with none is exactly 0.5.
/// </summary>
internal static class Smoothing
{
    public const double PriorReferrals = 10;

    public const double PriorShare = 0.5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Share(int part, int whole) =>
        (part + PriorShare * PriorReferrals) / (whole + PriorReferrals);
}
