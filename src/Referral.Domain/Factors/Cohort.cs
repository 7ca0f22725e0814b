namespace Referral.Domain.Factors;

/// <summary>
/// The survey's two groups of the public, which rank the factors differently. A patient whose
/// history is not known gets the mean of both priors rather than a guess.
/// </summary>
public enum Cohort
{
    NeverUsed,
    HasUsed,
    Unknown,
}

public static class Cohorts
{
    public static Cohort From(bool? hasUsedPeerSupport) => hasUsedPeerSupport switch
    {
        true => Cohort.HasUsed,
        false => Cohort.NeverUsed,
        null => Cohort.Unknown,
    };

    public static string Code(this Cohort cohort) => cohort switch
    {
        Cohort.NeverUsed => "never-used",
        Cohort.HasUsed => "has-used",
        _ => "unknown",
    };
}
