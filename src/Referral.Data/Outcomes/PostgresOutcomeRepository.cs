using Dapper;
using Referral.Data.Idempotency;
using Referral.Data.Postgres;
using Referral.Data.Referrals;
using Referral.Domain.Outcomes;

namespace Referral.Data.Outcomes;

public sealed class PostgresOutcomeRepository(PostgresConnectionFactory connections) : IOutcomeRepository
{
    public async Task<OutcomeRecording> RecordAsync(
        string odsCode, Guid referralId, OutcomeInput input, IdempotentWrite<OutcomeRecord>? idempotency, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = PostgresTime.Stored(now);
        return await connections.WriteAsync<OutcomeRecording>(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            // The referral's row lock: two baselines sent at once, through any instances, cannot both find none stored.
            var row = await connection.QuerySingleOrDefaultAsync<OutcomeSnapshotRow>(new CommandDefinition(
                """
                SELECT r.created_at AS ReferredAt, r.profile_erased_at AS ProfileErasedAt,
                       (SELECT occurred_at FROM referral_events WHERE referral_id = r.id AND status = 'started' LIMIT 1) AS StartedAt,
                       (SELECT CAST(COUNT(*) AS integer) FROM outcome_measures WHERE referral_id = r.id AND timepoint = 'baseline') AS Baselines
                  FROM referrals r WHERE r.id = @referralId AND r.ods_code = @odsCode
                   FOR UPDATE OF r
                """,
                new { referralId, odsCode }, transaction, cancellationToken: cancellationToken));
            return await OutcomeWrites.RecordAsync(
                connection, transaction, row, odsCode, referralId, input, keyId, now,
                idempotency is null ? null : outcome => PostgresIdempotentResponses.TryStoreAsync(connection, transaction, odsCode, idempotency, referralId, outcome, now, cancellationToken),
                cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<OutcomeRecord>?> ListAsync(string odsCode, Guid referralId, CancellationToken cancellationToken) =>
        connections.ReadAsync<IReadOnlyList<OutcomeRecord>?>(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM referrals WHERE id = @referralId AND ods_code = @odsCode", new { referralId, odsCode }, transaction, cancellationToken: cancellationToken));
            if (exists == 0)
            {
                return null;
            }

            var rows = await connection.QueryAsync<OutcomeRow>(new CommandDefinition(
                $"SELECT {OutcomeRow.Columns} FROM outcome_measures WHERE referral_id = @referralId AND ods_code = @odsCode ORDER BY measured_at, recorded_at",
                new { referralId, odsCode }, transaction, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToRecord()).ToList();
        }, cancellationToken);
}
