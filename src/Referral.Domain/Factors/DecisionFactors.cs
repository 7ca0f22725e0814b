using Referral.Domain.Vocabulary;

namespace Referral.Domain.Factors;

/// <summary>The product's catalogue of twelve decision factors and their cohort priors.</summary>
public static class DecisionFactors
{
    public const string QualityConfidence = "quality-confidence";
    public const string HealthBenefit = "health-benefit";
    public const string SafeAndConfidential = "safe-and-confidential";
    public const string ConvenientLocation = "convenient-location";
    public const string ProfessionalEndorsement = "professional-endorsement";
    public const string ConvenientTime = "convenient-time";
    public const string FreeOfCharge = "free-of-charge";
    public const string PreferredFormat = "preferred-format";
    public const string SimilarExperiences = "similar-experiences";
    public const string LanguageAndAccess = "language-and-access";
    public const string SharedBackground = "shared-background";
    public const string PeerRecommendation = "peer-recommendation";

    /// <summary>In catalogue order, which is also the prior order of people who have never used peer support.</summary>
    public static readonly IReadOnlyList<DecisionFactor> All =
    [
        new(QualityConfidence, "Confidence in the quality of the service", 1, 1, PriorSource.Survey),
        new(HealthBenefit, "Belief that peer support would improve health and wellbeing", 2, 2, PriorSource.Survey),
        new(SafeAndConfidential, "Safeguarding, trained facilitators and confidentiality", 3, 3, PriorSource.Assumption),
        new(ConvenientLocation, "Close enough to get to, or no travel needed", 4, 6, PriorSource.Assumption),
        new(ProfessionalEndorsement, "Recommended by a healthcare professional", 5, 11, PriorSource.Survey),
        new(ConvenientTime, "Runs at times the person is free", 6, 5, PriorSource.Assumption),
        new(FreeOfCharge, "No cost to the person", 7, 9, PriorSource.Assumption),
        new(PreferredFormat, "Group, one-to-one, online or messages, as the person prefers", 8, 7, PriorSource.Assumption),
        new(SimilarExperiences, "Meeting people with similar experiences", 9, 4, PriorSource.Survey),
        new(LanguageAndAccess, "In the person's language, meeting their access needs", 10, 12, PriorSource.Assumption),
        new(SharedBackground, "People from a similar community or background", 11, 8, PriorSource.Assumption),
        new(PeerRecommendation, "Other people like me rate it well", 12, 10, PriorSource.Assumption),
    ];

    public static int Count => All.Count;

    public static readonly TermSet Terms = new("decisionFactors", All.Select(f => new Term(f.Code, f.Meaning)));

    public static DecisionFactor Get(string code) =>
        All.FirstOrDefault(f => f.Code == code) ?? throw new ArgumentException($"Unknown decision factor '{code}'.", nameof(code));

    public static int IndexOf(string code) => Terms.IndexOf(code);
}
