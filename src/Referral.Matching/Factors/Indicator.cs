using System.Runtime.CompilerServices;

namespace Referral.Matching.Factors;

/// <summary>
/// 1 when a condition holds, else 0, so a scoring rule reads as its formula
/// ("0.5 × safeguarding policy + 0.5 × trained facilitators") and compiles without a branch:
/// across a directory such conditions are as good as random, and mispredicted branches would
/// cost more than all the arithmetic.
/// </summary>
internal static class Indicator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int OneIf(bool condition) => condition ? 1 : 0;
}
