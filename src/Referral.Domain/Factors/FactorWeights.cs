namespace Referral.Domain.Factors;

/// <summary>Where one factor's place in an effective ranking came from.</summary>
public enum WeightSource
{
    Patient,
    CohortPrior,
}

/// <summary>One factor of an effective ranking, with its weight.</summary>
public sealed record FactorWeight(string Factor, int Rank, double Weight, WeightSource Source, PriorSource PriorSource);

/// <summary>The ranking and weights the engine uses for one patient.</summary>
public sealed record EffectiveWeights(Cohort Cohort, IReadOnlyList<FactorWeight> Factors);

/// <summary>
/// Turns rank orders into weights with Rank Order Centroid weights (Barron and Barrett 1996):
/// for n factors the one ranked i gets (1/n) * sum over k = i..n of 1/k. ROC is used because
/// people can rank factors far more reliably than they can give them numbers.
/// </summary>
public static class FactorWeights
{
    private static readonly double[] Roc = RankOrderCentroid(DecisionFactors.Count);

    public static double[] RankOrderCentroid(int n)
    {
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var k = i + 1; k <= n; k++)
            {
                sum += 1.0 / k;
            }

            weights[i] = sum / n;
        }

        return weights;
    }

    /// <summary>
    /// The factors the patient ranked come first, in the patient's order; the rest follow in the
    /// prior's order. With no patient ranking and an unknown cohort, each weight is the mean of
    /// the two priors' weights (which still sum to 1).
    /// </summary>
    public static EffectiveWeights For(Cohort cohort, IReadOnlyList<string>? patientPriorities) =>
        patientPriorities is null or { Count: 0 } ? PriorOnly[(int)cohort] : Compute(cohort, patientPriorities);

    // Most patients rank nothing themselves: their weights are one of three, worked out once
    // (every recommendation and every profile read needs them).
    private static readonly EffectiveWeights[] PriorOnly =
        [Compute(Cohort.NeverUsed, null), Compute(Cohort.HasUsed, null), Compute(Cohort.Unknown, null)];

    private static EffectiveWeights Compute(Cohort cohort, IReadOnlyList<string>? patientPriorities)
    {
        var priorWeight = DecisionFactors.All.ToDictionary(f => f.Code, f => PriorWeight(f, cohort));
        var patient = patientPriorities ?? [];
        var rest = DecisionFactors.All
            .Where(f => !patient.Contains(f.Code))
            .OrderByDescending(f => priorWeight[f.Code])
            .ThenBy(f => f.PriorRankNeverUsed)
            .Select(f => f.Code);

        var order = patient.Concat(rest).ToArray();
        var factors = new List<FactorWeight>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            var fromPatient = i < patient.Count;
            // Only the no-ranking, unknown-cohort case keeps the averaged prior weights; any
            // ranking (the patient's, or a single cohort's) is weighted by its ROC position.
            var weight = !fromPatient && patient.Count == 0 && cohort == Cohort.Unknown
                ? priorWeight[order[i]]
                : Roc[i];
            factors.Add(new FactorWeight(
                order[i],
                i + 1,
                weight,
                fromPatient ? WeightSource.Patient : WeightSource.CohortPrior,
                DecisionFactors.Get(order[i]).Source));
        }

        return new EffectiveWeights(cohort, factors);
    }

    /// <summary>The weight a cohort's prior gives a factor.</summary>
    public static double PriorWeight(DecisionFactor factor, Cohort cohort) => cohort switch
    {
        Cohort.NeverUsed => Roc[factor.PriorRankNeverUsed - 1],
        Cohort.HasUsed => Roc[factor.PriorRankHasUsed - 1],
        _ => (Roc[factor.PriorRankNeverUsed - 1] + Roc[factor.PriorRankHasUsed - 1]) / 2,
    };
}
