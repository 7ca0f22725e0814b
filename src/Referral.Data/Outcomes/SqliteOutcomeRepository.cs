using System.Data.Common;
using Dapper;
using Referral.Data.Referrals;
using Referral.Data.Sqlite;
using Referral.Domain.Outcomes;

namespace Referral.Data.Outcomes;

public sealed class SqliteOutcomeRepository(SqliteConnectionFactory connections) : IOutcomeRepository
{
    private const string Columns =
        """
        id AS Id, referral_id AS ReferralId, timepoint AS Timepoint, life_satisfaction AS LifeSatisfaction, worthwhile AS Worthwhile,
        happiness AS Happiness, anxiety AS Anxiety, ucla3_1 AS Ucla31, ucla3_2 AS Ucla32, ucla3_3 AS Ucla33, interval_days AS IntervalDays,
        recorded_by AS RecordedBy, measured_at AS MeasuredAt, key_id AS KeyId, recorded_at AS RecordedAt
        """;

    public async Task<OutcomeRecording> RecordAsync(
        string odsCode, Guid referralId, OutcomeInput input, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<OutcomeRecording>(async connection =>
        {
            // BEGIN IMMEDIATE: two baselines sent at once cannot both find none stored.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<SnapshotRow>(new CommandDefinition(
                """
                SELECT r.created_at AS ReferredAt, r.profile_erased_at AS ProfileErasedAt,
                       (SELECT occurred_at FROM referral_events WHERE referral_id = r.id AND status = 'started') AS StartedAt,
                       (SELECT COUNT(*) FROM outcome_measures WHERE referral_id = r.id AND timepoint = 'baseline') AS Baselines
                  FROM referrals r WHERE r.id = @referralId AND r.ods_code = @odsCode
                """,
                new { referralId, odsCode }, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                return new OutcomeRecording.NotFound();
            }

            var admission = OutcomeRules.Admit(new OutcomeSnapshot(row.ReferredAt, row.ProfileErasedAt is not null, row.StartedAt, row.Baselines > 0), input);
            if (admission is OutcomeAdmission.Refused refused)
            {
                return new OutcomeRecording.Refused(refused);
            }

            var outcome = new OutcomeRecord(
                Guid.NewGuid(), referralId, input.Timepoint, input.Ons4, input.Ucla3, ((OutcomeAdmission.Admitted)admission).IntervalDays,
                input.RecordedBy, input.MeasuredAt, keyId, now);
            await Insert(connection, transaction, odsCode, outcome, cancellationToken);
            // Only the timepoint reaches the audit: the answers are personal, and the audit outlives erasure.
            await AuditTrail.AppendAsync(connection, transaction, referralId, odsCode, "outcome-recorded",
                new { timepoint = input.Timepoint, outcomeId = outcome.Id }, keyId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new OutcomeRecording.Recorded(outcome);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<OutcomeRecord>?> ListAsync(string odsCode, Guid referralId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM referrals WHERE id = @referralId AND ods_code = @odsCode", new { referralId, odsCode }, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return null;
        }

        var rows = await connection.QueryAsync<OutcomeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM outcome_measures WHERE referral_id = @referralId AND ods_code = @odsCode ORDER BY measured_at, recorded_at",
            new { referralId, odsCode }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    private static Task<int> Insert(DbConnection connection, DbTransaction transaction, string odsCode, OutcomeRecord o, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outcome_measures (id, referral_id, ods_code, timepoint, life_satisfaction, worthwhile, happiness, anxiety,
                                          ucla3_1, ucla3_2, ucla3_3, interval_days, recorded_by, measured_at, key_id, recorded_at)
            VALUES (@Id, @ReferralId, @odsCode, @Timepoint, @LifeSatisfaction, @Worthwhile, @Happiness, @Anxiety,
                    @Ucla31, @Ucla32, @Ucla33, @IntervalDays, @RecordedBy, @MeasuredAt, @KeyId, @RecordedAt)
            """,
            new
            {
                o.Id, o.ReferralId, odsCode, o.Timepoint, o.Ons4.LifeSatisfaction, o.Ons4.Worthwhile, o.Ons4.Happiness, o.Ons4.Anxiety,
                Ucla31 = o.Ucla3?[0], Ucla32 = o.Ucla3?[1], Ucla33 = o.Ucla3?[2], o.IntervalDays, o.RecordedBy, o.MeasuredAt, o.KeyId, o.RecordedAt,
            },
            transaction, cancellationToken: cancellationToken));

    private sealed record SnapshotRow
    {
        public DateTimeOffset ReferredAt { get; init; }
        public DateTimeOffset? ProfileErasedAt { get; init; }
        public DateTimeOffset? StartedAt { get; init; }
        public int Baselines { get; init; }
    }

    private sealed record OutcomeRow
    {
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

        public OutcomeRecord ToRecord() => new(
            Id, ReferralId, Timepoint, new Ons4Answers(LifeSatisfaction, Worthwhile, Happiness, Anxiety),
            Ucla31 is { } a && Ucla32 is { } b && Ucla33 is { } c ? [a, b, c] : null,
            IntervalDays, RecordedBy, MeasuredAt, KeyId, RecordedAt);
    }
}
