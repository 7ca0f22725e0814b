using Referral.Data.Idempotency;
using Referral.Domain.Outcomes;

namespace Referral.Data.Outcomes;

/// <summary>What recording a set of measures came to: exactly one of these.</summary>
public abstract record OutcomeRecording
{
    public sealed record Recorded(OutcomeRecord Outcome) : OutcomeRecording;

    /// <summary>The practice has no such referral.</summary>
    public sealed record NotFound : OutcomeRecording;

    public sealed record Refused(OutcomeAdmission.Refused Reason) : OutcomeRecording;

    /// <summary>A concurrent request stored the same Idempotency-Key first: nothing was stored.</summary>
    public sealed record IdempotencyKeyTaken : OutcomeRecording;
}

/// <summary>Outcome measures of one practice's referrals.</summary>
public interface IOutcomeRepository
{
    /// <summary>
    /// Reads the referral inside a write transaction, asks <see cref="OutcomeRules"/>, and stores
    /// the measures with their audit row in that transaction, and the response under an
    /// Idempotency-Key when one was sent (kept under the referral, so erasure takes it too).
    /// </summary>
    Task<OutcomeRecording> RecordAsync(
        string odsCode, Guid referralId, OutcomeInput input, IdempotentWrite<OutcomeRecord>? idempotency, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The referral's measures, oldest measurement first; null when the practice has no such referral.</summary>
    Task<IReadOnlyList<OutcomeRecord>?> ListAsync(string odsCode, Guid referralId, CancellationToken cancellationToken);
}
