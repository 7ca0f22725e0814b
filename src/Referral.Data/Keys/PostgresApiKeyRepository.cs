using Dapper;
using Referral.Data.Postgres;

namespace Referral.Data.Keys;

/// <summary>API keys on PostgreSQL: looked up before any practice is known, so not practice-scoped.</summary>
public sealed class PostgresApiKeyRepository(PostgresConnectionFactory connections) : IApiKeyRepository
{
    private const string Columns =
        "id AS Id, key_hash AS KeyHash, prefix AS Prefix, role AS Role, ods_code AS OdsCode, label AS Label, created_at AS CreatedAt, revoked_at AS RevokedAt";

    public Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken) =>
        connections.WriteCommittedAsync(PracticeScope.None, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_keys (id, key_hash, prefix, role, ods_code, label, created_at, revoked_at)
            VALUES (@Id, @KeyHash, @Prefix, @Role, @OdsCode, @Label, @CreatedAt, @RevokedAt)
            """,
            key,
            transaction,
            cancellationToken: cancellationToken)), cancellationToken);

    public async Task<ApiKeyRecord?> FindActiveAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE key_hash = @keyHash AND revoked_at IS NULL",
            new { keyHash },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> RevokeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connections.WriteCommittedAsync(PracticeScope.None, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
            new { id, now = PostgresTime.Stored(now) },
            transaction,
            cancellationToken: cancellationToken)), cancellationToken) == 1;

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var keys = await connection.QueryAsync<ApiKeyRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys ORDER BY created_at, id", cancellationToken: cancellationToken));
        return keys.ToList();
    }
}
