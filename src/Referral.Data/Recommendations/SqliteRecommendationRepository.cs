using Dapper;
using Referral.Data.Sqlite;

namespace Referral.Data.Recommendations;

public sealed class SqliteRecommendationRepository(SqliteConnectionFactory connections) : IRecommendationRepository
{
    public async Task<bool> AddAsync(RecommendationSetRecord recommendationSet, CancellationToken cancellationToken)
    {
        var inserted = await connections.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO recommendation_sets (id, ods_code, profile_id, profile_version, engine_version, content_encoding, document, created_at)
            SELECT @Id, @OdsCode, @ProfileId, @ProfileVersion, @EngineVersion, @ContentEncoding, @Document, @CreatedAt
             WHERE EXISTS (SELECT 1 FROM profiles WHERE id = @ProfileId AND ods_code = @OdsCode)
            """,
            recommendationSet,
            cancellationToken: cancellationToken)), cancellationToken);
        return inserted == 1;
    }

    public async Task<RecommendationSetRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RecommendationSetRecord>(new CommandDefinition(
            """
            SELECT id AS Id, ods_code AS OdsCode, profile_id AS ProfileId, profile_version AS ProfileVersion,
                   engine_version AS EngineVersion, content_encoding AS ContentEncoding, document AS Document,
                   created_at AS CreatedAt
              FROM recommendation_sets WHERE id = @id AND ods_code = @odsCode
            """,
            new { id, odsCode },
            cancellationToken: cancellationToken));
    }
}
