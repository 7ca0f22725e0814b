using Dapper;
using Referral.Data.Postgres;

namespace Referral.Data.Recommendations;

public sealed class PostgresRecommendationRepository(PostgresConnectionFactory connections) : IRecommendationRepository
{
    public async Task<bool> AddAsync(RecommendationSetRecord recommendationSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recommendationSet);
        // FOR SHARE holds the profile for the rest of the transaction: an erasure waits for this
        // set to be stored (and then deletes it), or this insert waits and finds no profile.
        var inserted = await connections.WriteCommittedAsync(PracticeScope.Of(recommendationSet.OdsCode), (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO recommendation_sets (id, ods_code, profile_id, profile_version, engine_version, content_encoding, document, created_at)
            SELECT @Id, @OdsCode, @ProfileId, @ProfileVersion, @EngineVersion, @ContentEncoding, @Document, @CreatedAt
             WHERE EXISTS (SELECT 1 FROM profiles WHERE id = @ProfileId AND ods_code = @OdsCode FOR SHARE)
            """,
            recommendationSet with { CreatedAt = PostgresTime.Stored(recommendationSet.CreatedAt) },
            transaction,
            cancellationToken: cancellationToken)), cancellationToken);
        return inserted == 1;
    }

    public Task<RecommendationSetRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken) =>
        connections.ReadAsync(PracticeScope.Of(odsCode), (connection, transaction) => connection.QuerySingleOrDefaultAsync<RecommendationSetRecord>(new CommandDefinition(
            """
            SELECT id AS Id, ods_code AS OdsCode, profile_id AS ProfileId, profile_version AS ProfileVersion,
                   engine_version AS EngineVersion, content_encoding AS ContentEncoding, document AS Document,
                   created_at AS CreatedAt
              FROM recommendation_sets WHERE id = @id AND ods_code = @odsCode
            """,
            new { id, odsCode },
            transaction,
            cancellationToken: cancellationToken)), cancellationToken);
}
