using Dapper;
using Referral.Data.Sqlite;

namespace Referral.Data.Recommendations;

public sealed class SqliteRecommendationRepository(SqliteConnectionFactory connections) : IRecommendationRepository
{
    public async Task AddAsync(RecommendationSetRecord set, CancellationToken cancellationToken)
    {
        await using var scope = await connections.OpenForWriteAsync(cancellationToken);
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO recommendation_sets (id, ods_code, profile_id, profile_version, engine_version, document, created_at)
            VALUES (@Id, @OdsCode, @ProfileId, @ProfileVersion, @EngineVersion, @Document, @CreatedAt)
            """,
            set,
            cancellationToken: cancellationToken));
    }

    public async Task<RecommendationSetRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RecommendationSetRecord>(new CommandDefinition(
            """
            SELECT id AS Id, ods_code AS OdsCode, profile_id AS ProfileId, profile_version AS ProfileVersion,
                   engine_version AS EngineVersion, document AS Document, created_at AS CreatedAt
              FROM recommendation_sets WHERE id = @id AND ods_code = @odsCode
            """,
            new { id, odsCode },
            cancellationToken: cancellationToken));
    }
}
