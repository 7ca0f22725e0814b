using System.Data.Common;
using Dapper;
using Referral.Data.Idempotency;
using Referral.Data.Referrals;
using Referral.Data.Sqlite;
using Referral.Domain.Outcomes;

namespace Referral.Data.Outcomes;

public sealed class SqliteOutcomeRepository(SqliteConnectionFactory connections) : IOutcomeRepository
{
    private const string Columns = OutcomeRow.Columns;

    public async Task<OutcomeRecording> RecordAsync(
        string odsCode, Guid referralId, OutcomeInput input, IdempotentWrite<OutcomeRecord>? idempotency, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<OutcomeRecording>(async connection =>
        {
            // BEGIN IMMEDIATE: two baselines sent at once cannot both find none stored.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<OutcomeSnapshotRow>(new CommandDefinition(
                """
                SELECT r.created_at AS ReferredAt, r.profile_erased_at AS ProfileErasedAt,
                       (SELECT occurred_at FROM referral_events WHERE referral_id = r.id AND status = 'started') AS StartedAt,
                       (SELECT COUNT(*) FROM outcome_measures WHERE referral_id = r.id AND timepoint = 'baseline') AS Baselines
                  FROM referrals r WHERE r.id = @referralId AND r.ods_code = @odsCode
                """,
                new { referralId, odsCode }, transaction, cancellationToken: cancellationToken));
            return await OutcomeWrites.RecordAsync(
                connection, transaction, row, odsCode, referralId, input, keyId, now,
                idempotency is null ? null : outcome => SqliteIdempotentResponses.TryStoreAsync(connection, transaction, odsCode, idempotency, referralId, outcome, now, cancellationToken),
                cancellationToken);
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
}
