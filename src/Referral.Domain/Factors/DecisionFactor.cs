namespace Referral.Domain.Factors;

/// <summary>Where a factor's place in a cohort prior comes from.</summary>
public enum PriorSource
{
    /// <summary>Published by the Q Lab survey (2,666 people, 2018).</summary>
    Survey,

    /// <summary>The product's own assumption, drawn from the wider peer support literature.</summary>
    Assumption,
}

/// <summary>
/// One of the twelve things people weigh when choosing peer support (domain reference, section 2).
/// The two ranks are the cohort priors: 1 is most important.
/// </summary>
public sealed record DecisionFactor(
    string Code,
    string Meaning,
    int PriorRankNeverUsed,
    int PriorRankHasUsed,
    PriorSource Source);
