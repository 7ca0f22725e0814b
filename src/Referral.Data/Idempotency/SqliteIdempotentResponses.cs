using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Referral.Data.Sqlite;

namespace Referral.Data.Idempotency;

public sealed class SqliteIdempotentResponses(SqliteConnectionFactory connections) : IIdempotentResponses
{
    public async Task<IdempotentResponse?> FindAsync(string odsCode, string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IdempotentResponse>(new CommandDefinition(
            "SELECT request_hash AS RequestHash, referral_id AS ResourceId, response_body AS ResponseBody FROM idempotency_keys WHERE ods_code = @odsCode AND key = @key",
            new { odsCode, key }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Stores the response inside the creating transaction. False when a concurrent request
    /// stored the same key first: the caller must then store nothing at all.
    /// </summary>
    internal static async Task<bool> TryStoreAsync<T>(
        DbConnection connection, DbTransaction transaction, string odsCode, IdempotentWrite<T> write, Guid resourceId, T resource, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO idempotency_keys (ods_code, key, request_hash, referral_id, response_body, created_at)
                VALUES (@odsCode, @Key, @RequestHash, @resourceId, @Body, @now)
                """,
                new { odsCode, write.Key, write.RequestHash, resourceId, Body = write.Render(resource), now },
                transaction, cancellationToken: cancellationToken));
            return true;
        }
        catch (SqliteException e) when (SqliteErrors.IsDuplicate(e))
        {
            return false;
        }
    }
}
