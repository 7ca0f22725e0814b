using System.Runtime.CompilerServices;

namespace Referral.Matching.Factors;

/// <summary>The twelve factor scores of one candidate, in DecisionFactors.All order, on the stack.</summary>
[InlineArray(12)]
internal struct FactorScores
{
    private double _first;
}
