using Referral.Domain.Referrals;

namespace Referral.Data.Referrals;

/// <summary>
/// Referrals of one practice. Every change writes its audit row in the same transaction, with
/// the key that made it, so a change and its audit are stored together or not at all.
/// </summary>
public interface IReferralRepository
{
    /// <summary>
    /// Stores the referral (status proposed), its endorsement and audit rows, and the idempotency
    /// record when there is one, provided the profile still exists at the moment of writing (so
    /// an erasure that wins the race leaves nothing personal behind).
    /// </summary>
    Task<ReferralCreation> CreateAsync(NewReferral referral, Func<ReferralRecord, string>? render, string? idempotencyKey, string? requestHash, Guid keyId, CancellationToken cancellationToken);

    Task<IdempotentResponse?> FindIdempotentAsync(string odsCode, string key, CancellationToken cancellationToken);

    Task<ReferralRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken);

    Task<Page<ReferralRecord>> ListAsync(string odsCode, ReferralQuery query, CancellationToken cancellationToken);

    Task<ReferralChange> ChangeStatusAsync(string odsCode, Guid id, StatusChangeInput change, int? expectedVersion, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds the endorsement unless the referral is closed or endorsed, its profile erased or its service retired.</summary>
    Task<ReferralChange> EndorseAsync(string odsCode, Guid id, EndorsementInput endorsement, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ReferralChange> WithdrawEndorsementAsync(string odsCode, Guid id, string reason, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The audit trail, oldest first; null when the practice has no such referral.</summary>
    Task<IReadOnlyList<AuditEntry>?> AuditAsync(string odsCode, Guid id, CancellationToken cancellationToken);

    /// <summary>Outcomes of closed referrals per service and practice, for every pair with at least one.</summary>
    Task<IReadOnlyList<PracticeOutcomes>> OutcomesAsync(CancellationToken cancellationToken);
}
