using Referral.Data.Idempotency;
using Referral.Domain.Referrals;

namespace Referral.Data.Referrals;

/// <summary>
/// Referrals of one practice. The rules a referral obeys belong to the caller (the referral
/// workflow): each write reads what the rules need inside its own transaction, asks the rules,
/// and stores what they allow there and then, with the audit row, so a change and its audit are
/// stored together or not at all and no concurrent write can slip between check and change.
/// </summary>
public interface IReferralRepository
{
    /// <summary>
    /// Stores the referral (status proposed), its endorsement and audit rows, and the response
    /// under its Idempotency-Key when there is one, all in one transaction, provided
    /// <paramref name="admit"/> finds nothing wrong with the parties as they stand at the moment
    /// of writing (it returns the refusal otherwise).
    /// </summary>
    Task<ReferralCreation> CreateAsync(
        NewReferral referral, Func<ReferralParties, ReferralCreation?> admit, IdempotentWrite<ReferralRecord>? idempotency, Guid keyId, CancellationToken cancellationToken);

    Task<ReferralRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken);

    Task<Page<ReferralRecord>> ListAsync(string odsCode, ReferralQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the referral inside a write transaction, lets <paramref name="decide"/> choose the
    /// amendment, and applies it with its audit row in that transaction.
    /// </summary>
    Task<ReferralChange> UpdateAsync(
        string odsCode, Guid id, Func<ReferralSnapshot, ReferralAmendment> decide, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The audit trail, oldest first; null when the practice has no such referral.</summary>
    Task<IReadOnlyList<AuditEntry>?> AuditAsync(string odsCode, Guid id, CancellationToken cancellationToken);

    /// <summary>Outcomes of closed referrals per service and practice, for every pair with at least one.</summary>
    Task<IReadOnlyList<PracticeOutcomes>> OutcomesAsync(CancellationToken cancellationToken);
}
