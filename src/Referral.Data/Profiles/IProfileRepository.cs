using Referral.Domain.Profiles;

namespace Referral.Data.Profiles;

/// <summary>
/// Profiles are always read and written for one practice: every method takes its ODS code, so
/// no query can reach another practice's profile.
/// </summary>
public interface IProfileRepository
{
    /// <summary>The new profile, or null when the practice already uses its patient reference.</summary>
    Task<Profile?> CreateAsync(string odsCode, string? nhsNumber, ProfileInput details, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Profile?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken);

    Task<ReplaceOutcome<Profile>> ReplaceAsync(
        string odsCode, Guid id, string? nhsNumber, ProfileInput details, int? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Page<Profile>> ListAsync(string odsCode, string? patientRef, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the profile and its personal data for good, in one transaction: its recommendation
    /// sets go, and its referrals are kept for statistics without anything personal, each with an
    /// audit row saying so. False when the practice has no such profile.
    /// </summary>
    Task<bool> EraseAsync(string odsCode, Guid id, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken);
}
