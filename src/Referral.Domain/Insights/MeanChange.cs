namespace Referral.Domain.Insights;

/// <summary>The mean of paired changes (follow-up minus baseline) with a 95% t interval.</summary>
public static class MeanChange
{
    public static (double Mean, Interval Interval) Of(IReadOnlyList<double> changes)
    {
        if (changes.Count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(changes), "Needs at least two changes.");
        }

        var n = changes.Count;
        var mean = changes.Average();
        var variance = changes.Sum(c => (c - mean) * (c - mean)) / (n - 1);
        var half = StudentT.Quantile975(n - 1) * Math.Sqrt(variance / n);
        return (mean, new Interval(mean - half, mean + half));
    }
}

/// <summary>The 97.5th percentile of Student's t distribution, for two-sided 95% intervals.</summary>
public static class StudentT
{
    // Exact to three decimals for 1 to 30 degrees of freedom (standard tables).
    private static readonly double[] Table =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static double Quantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= Table.Length)
        {
            return Table[degreesOfFreedom - 1];
        }

        // Beyond the table, the Cornish-Fisher expansion around the normal quantile (error < 0.001).
        const double z = Proportions.Z;
        double v = degreesOfFreedom;
        var z3 = z * z * z;
        var z5 = z3 * z * z;
        return z + ((z3 + z) / (4 * v)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * v * v));
    }
}
