using Dapper;
using Npgsql;
using Referral.Data.Postgres;

namespace Referral.Data.Idempotency;

public sealed class PostgresIdempotentResponses(PostgresConnectionFactory connections) : IIdempotentResponses
{
    public Task<IdempotentResponse?> FindAsync(string odsCode, string key, CancellationToken cancellationToken) =>
        connections.ReadAsync(PracticeScope.Of(odsCode), (connection, transaction) => connection.QuerySingleOrDefaultAsync<IdempotentResponse>(new CommandDefinition(
            "SELECT request_hash AS RequestHash, referral_id AS ResourceId, response_body AS ResponseBody FROM idempotency_keys WHERE ods_code = @odsCode AND key = @key",
            new { odsCode, key }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>
    /// Stores the response inside the creating transaction. False when another request, through
    /// this instance or any other, stored the same key first: the primary key makes this insert
    /// wait for that transaction and then do nothing, and the caller must then store nothing.
    /// </summary>
    internal static async Task<bool> TryStoreAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string odsCode, IdempotentWrite<T> write, Guid resourceId, T resource, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO idempotency_keys (ods_code, key, request_hash, referral_id, response_body, created_at)
            VALUES (@odsCode, @Key, @RequestHash, @resourceId, @Body, @now)
            ON CONFLICT (ods_code, key) DO NOTHING
            """,
            new { odsCode, write.Key, write.RequestHash, resourceId, Body = write.Render(resource), now },
            transaction, cancellationToken: cancellationToken)) == 1;
}
