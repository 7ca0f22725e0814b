namespace Referral.Domain.Insights;

/// <summary>A 95% confidence interval.</summary>
public readonly record struct Interval(double Lower, double Upper);

/// <summary>
/// Proportions and their differences with 95% intervals, by score methods that behave at small
/// counts and at 0% or 100% (where the textbook Wald interval collapses to a point):
/// <list type="bullet">
/// <item>a proportion: Wilson's score interval (Wilson 1927);</item>
/// <item>a difference of two independent proportions: Newcombe's hybrid score interval, his method
/// 10 (Newcombe 1998), built from the two Wilson intervals;</item>
/// <item>a difference of two such differences (independent groups): the MOVER method of Zou and
/// Donner (2008), which combines the two Newcombe intervals the same way Newcombe combines two
/// Wilson intervals.</item>
/// </list>
/// </summary>
public static class Proportions
{
    /// <summary>The 97.5th percentile of the standard normal distribution.</summary>
    public const double Z = 1.959963984540054;

    public static Interval Wilson(int successes, int trials)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), "Needs 0 <= successes <= trials and trials > 0.");
        }

        double n = trials;
        var p = successes / n;
        var z2 = Z * Z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = Z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        // Clamped against rounding: the interval of 0/n starts at exactly 0, of n/n ends at exactly 1.
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>p1 - p2 with Newcombe's hybrid score interval from the two Wilson intervals.</summary>
    public static (double Difference, Interval Interval) Difference(int successes1, int trials1, int successes2, int trials2)
    {
        var p1 = (double)successes1 / trials1;
        var p2 = (double)successes2 / trials2;
        return Combine(p1, Wilson(successes1, trials1), p2, Wilson(successes2, trials2));
    }

    /// <summary>
    /// d1 - d2 for two estimates with their own intervals (MOVER, Zou and Donner 2008): the
    /// lower limit moves down by the distances to d1's lower and d2's upper limits, in quadrature.
    /// </summary>
    public static (double Difference, Interval Interval) Combine(double d1, Interval i1, double d2, Interval i2)
    {
        var d = d1 - d2;
        var lower = d - Math.Sqrt(Square(d1 - i1.Lower) + Square(i2.Upper - d2));
        var upper = d + Math.Sqrt(Square(i1.Upper - d1) + Square(d2 - i2.Lower));
        return (d, new Interval(lower, upper));
    }

    private static double Square(double x) => x * x;
}
