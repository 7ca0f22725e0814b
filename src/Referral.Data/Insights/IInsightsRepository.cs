using Referral.Domain.Outcomes;

namespace Referral.Data.Insights;

/// <summary>Referrals made from <paramref name="From"/> (inclusive) to <paramref name="Until"/> (exclusive), of one practice or (null) all.</summary>
public sealed record InsightScope(DateTimeOffset From, DateTimeOffset Until, string? OdsCode);

/// <summary>
/// How many referrals of one kind (cohort, endorsement, the service's main format, the patient's
/// extraversion band and loneliness) were made, and how many of them reached each stage.
/// </summary>
public sealed record UptakeCell
{
    public string Cohort { get; init; } = "";
    public bool Endorsed { get; init; }
    public string? Format { get; init; }
    public string? ExtraversionBand { get; init; }
    public bool? Lonely { get; init; }
    public int Referred { get; init; }
    public int Contacted { get; init; }
    public int Started { get; init; }
    public int Completed { get; init; }
}

/// <summary>Declined referrals with one reason code, to services of one main format.</summary>
public sealed record DeclineCell
{
    public string? Format { get; init; }
    public string Reason { get; init; } = "";
    public int Count { get; init; }
}

/// <summary>A patient's own ranking of the decision factors, most important first.</summary>
public sealed record FactorRanking(string Cohort, IReadOnlyList<string> Priorities);

/// <summary>A referral's ONS4 baseline and its latest follow-up.</summary>
public sealed record WellbeingPair(string Cohort, string? Format, Ons4Answers Baseline, Ons4Answers FollowUp);

/// <summary>
/// The raw aggregates behind the insights. Nothing here leaves the API unprotected: the insight
/// views apply disclosure control before anything is shown.
/// </summary>
public interface IInsightsRepository
{
    Task<IReadOnlyList<UptakeCell>> UptakeAsync(InsightScope scope, CancellationToken cancellationToken);

    /// <summary>How many practices made the referrals of the scope.</summary>
    Task<int> PracticesAsync(InsightScope scope, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeclineCell>> DeclinesAsync(InsightScope scope, CancellationToken cancellationToken);

    /// <summary>Rankings of the profiles recorded in the scope that ranked factors themselves (erased profiles are gone).</summary>
    Task<IReadOnlyList<FactorRanking>> RankingsAsync(InsightScope scope, CancellationToken cancellationToken);

    Task<IReadOnlyList<WellbeingPair>> WellbeingAsync(InsightScope scope, CancellationToken cancellationToken);
}
