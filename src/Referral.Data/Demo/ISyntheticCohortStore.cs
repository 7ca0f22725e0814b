using Referral.Domain.Outcomes;

namespace Referral.Data.Demo;

/// <summary>A simulated referral with everything that happened to it, ready to store.</summary>
public sealed record SyntheticReferral(
    Guid Id,
    string OdsCode,
    Guid ProfileId,
    Guid ServiceId,
    string? Format,
    string Cohort,
    string AgeBand,
    string? ExtraversionBand,
    bool? Lonely,
    bool Endorsed,
    IReadOnlyList<(string Status, string? Reason, DateTimeOffset At)> Events,
    Ons4Answers? Baseline,
    (Ons4Answers Answers, IReadOnlyList<int> Ucla3, DateTimeOffset At)? FollowUp);

/// <summary>
/// Writes a simulated cohort's referrals, endorsements, events and outcomes in one transaction
/// (Development and demos only: the demo verb refuses any other environment). The profiles are
/// stored through the profile repository first, like any other.
/// </summary>
public interface ISyntheticCohortStore
{
    /// <summary>Active services with their main format, to refer to.</summary>
    Task<IReadOnlyList<(Guid Id, string? Format)>> ActiveServicesAsync(CancellationToken cancellationToken);

    Task WriteAsync(IReadOnlyList<SyntheticReferral> referrals, CancellationToken cancellationToken);
}
