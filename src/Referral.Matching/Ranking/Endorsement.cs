using Referral.Domain.Factors;

namespace Referral.Matching.Ranking;

/// <summary>
/// Whether to tell the GP that their endorsement matters. The Q Lab survey found people who had
/// never used peer support ranked a healthcare professional's endorsement 5th of 12, and people
/// who had used it 11th: the blog's question is whether newcomers need it to take the plunge.
/// </summary>
internal static class Endorsement
{
    public const string High = "high";
    public const string Normal = "normal";

    public const string Rule =
        "high when the patient has never used peer support (the Q Lab survey: endorsement ranked 5th of 12 by people who had not, " +
        "11th by people who had) or puts professional-endorsement in the top five of their own priorities; normal otherwise. " +
        "Given once per result, with the reason in words.";

    private const int TopFive = 5;

    private const string Survey =
        "people new to peer support ranked a healthcare professional's recommendation 5th of 12 in the Q Lab survey, against 11th by people who had used it";

    public static EndorsementAdvice For(EffectiveWeights weights)
    {
        var cohort = weights.Cohort;
        // The weights already hold the patient's own ranking: rank and source of each factor.
        var endorsement = weights.Factors.First(f => f.Factor == DecisionFactors.ProfessionalEndorsement);
        var ownRank = endorsement.Source == WeightSource.Patient ? endorsement.Rank : 0;
        var ranksItHigh = ownRank is > 0 and <= TopFive;

        var importance = ranksItHigh || cohort == Cohort.NeverUsed ? High : Normal;
        var ownPriority = $"You put a healthcare professional's recommendation {Ordinal(ownRank)} among your priorities";
        var reason = (cohort, ranksItHigh) switch
        {
            (Cohort.NeverUsed, true) => $"{ownPriority}, and you have not used peer support before: {Survey}.",
            (Cohort.NeverUsed, false) => $"You have not used peer support before, and {Survey}, so your GP's endorsement may be what helps you take it up.",
            (_, true) => $"{ownPriority}, so your GP's endorsement matters to you.",
            (Cohort.HasUsed, false) => $"You have used peer support before, and {Survey}, so an endorsement is welcome but unlikely to decide it.",
            _ => $"It is not recorded whether you have used peer support before; if you have not, an endorsement matters, as {Survey}.",
        };
        return new EndorsementAdvice(importance, reason);
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        _ => "fifth",
    };
}
