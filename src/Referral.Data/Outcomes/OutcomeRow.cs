using System.Data.Common;
using Dapper;
using Referral.Data.Referrals;
using Referral.Domain.Outcomes;

namespace Referral.Data.Outcomes;

/// <summary>What recording an outcome reads of its referral, inside the recording transaction.</summary>
internal sealed record OutcomeSnapshotRow
{
    public DateTimeOffset ReferredAt { get; init; }
    public DateTimeOffset? ProfileErasedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public int Baselines { get; init; }

    /// <summary>The rules' answer, with the record to store when they admit it.</summary>
    public OutcomeRecording Admit(Guid referralId, OutcomeInput input, Guid keyId, DateTimeOffset now) =>
        OutcomeRules.Admit(new OutcomeSnapshot(ReferredAt, ProfileErasedAt is not null, StartedAt, Baselines > 0), input) switch
        {
            OutcomeAdmission.Refused refused => new OutcomeRecording.Refused(refused),
            OutcomeAdmission.Admitted admitted => new OutcomeRecording.Recorded(new OutcomeRecord(
                Guid.NewGuid(), referralId, input.Timepoint, input.Ons4, input.Ucla3, admitted.IntervalDays, input.RecordedBy, input.MeasuredAt, keyId, now)),
            _ => throw new InvalidOperationException("Unknown outcome admission."),
        };
}

/// <summary>An outcome_measures row as every provider reads and writes it.</summary>
internal sealed record OutcomeRow
{
    public const string Columns =
        """
        id AS Id, referral_id AS ReferralId, timepoint AS Timepoint, life_satisfaction AS LifeSatisfaction, worthwhile AS Worthwhile,
        happiness AS Happiness, anxiety AS Anxiety, ucla3_1 AS Ucla31, ucla3_2 AS Ucla32, ucla3_3 AS Ucla33, interval_days AS IntervalDays,
        recorded_by AS RecordedBy, measured_at AS MeasuredAt, key_id AS KeyId, recorded_at AS RecordedAt
        """;

    public const string InsertSql =
        """
        INSERT INTO outcome_measures (id, referral_id, ods_code, timepoint, life_satisfaction, worthwhile, happiness, anxiety,
                                      ucla3_1, ucla3_2, ucla3_3, interval_days, recorded_by, measured_at, key_id, recorded_at)
        VALUES (@Id, @ReferralId, @odsCode, @Timepoint, @LifeSatisfaction, @Worthwhile, @Happiness, @Anxiety,
                @Ucla31, @Ucla32, @Ucla33, @IntervalDays, @RecordedBy, @MeasuredAt, @KeyId, @RecordedAt)
        """;

    public Guid Id { get; init; }
    public Guid ReferralId { get; init; }
    public string Timepoint { get; init; } = "";
    public int LifeSatisfaction { get; init; }
    public int Worthwhile { get; init; }
    public int Happiness { get; init; }
    public int Anxiety { get; init; }
    public int? Ucla31 { get; init; }
    public int? Ucla32 { get; init; }
    public int? Ucla33 { get; init; }
    public int IntervalDays { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTimeOffset MeasuredAt { get; init; }
    public Guid? KeyId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public static object Parameters(string odsCode, OutcomeRecord o) => new
    {
        o.Id, o.ReferralId, odsCode, o.Timepoint, o.Ons4.LifeSatisfaction, o.Ons4.Worthwhile, o.Ons4.Happiness, o.Ons4.Anxiety,
        Ucla31 = o.Ucla3?[0], Ucla32 = o.Ucla3?[1], Ucla33 = o.Ucla3?[2], o.IntervalDays, o.RecordedBy, o.MeasuredAt, o.KeyId, o.RecordedAt,
    };

    /// <summary>Only the timepoint reaches the audit: the answers are personal, and the audit outlives erasure.</summary>
    public static object AuditDetail(OutcomeRecord o) => new { timepoint = o.Timepoint, outcomeId = o.Id };

    public OutcomeRecord ToRecord() => new(
        Id, ReferralId, Timepoint, new Ons4Answers(LifeSatisfaction, Worthwhile, Happiness, Anxiety),
        Ucla31 is { } a && Ucla32 is { } b && Ucla33 is { } c ? [a, b, c] : null,
        IntervalDays, RecordedBy, MeasuredAt, KeyId, RecordedAt);
}

/// <summary>Recording measures once their referral has been read and locked, the same on every provider.</summary>
internal static class OutcomeWrites
{
    /// <summary>
    /// Asks the rules about the referral as read, and stores and commits what they admit, with
    /// its audit row and, through <paramref name="storeResponse"/> (the provider's own insert),
    /// the response under the request's Idempotency-Key: false from it means another request took
    /// the key first, and nothing is committed.
    /// </summary>
    public static async Task<OutcomeRecording> RecordAsync(
        DbConnection connection, DbTransaction transaction, OutcomeSnapshotRow? referral, string odsCode, Guid referralId, OutcomeInput input, Guid keyId, DateTimeOffset now,
        Func<OutcomeRecord, Task<bool>>? storeResponse, CancellationToken cancellationToken)
    {
        if (referral is null)
        {
            return new OutcomeRecording.NotFound();
        }

        var recording = referral.Admit(referralId, input, keyId, now);
        if (recording is not OutcomeRecording.Recorded { Outcome: var outcome })
        {
            return recording;
        }

        await connection.ExecuteAsync(new CommandDefinition(OutcomeRow.InsertSql, OutcomeRow.Parameters(odsCode, outcome), transaction, cancellationToken: cancellationToken));
        await AuditTrail.AppendAsync(connection, transaction, referralId, odsCode, "outcome-recorded", OutcomeRow.AuditDetail(outcome), keyId, now, cancellationToken);
        if (storeResponse is not null && !await storeResponse(outcome))
        {
            return new OutcomeRecording.IdempotencyKeyTaken();
        }

        await transaction.CommitAsync(cancellationToken);
        return recording;
    }
}
