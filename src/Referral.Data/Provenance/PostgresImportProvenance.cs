using Dapper;
using Referral.Data.Postgres;

namespace Referral.Data.Provenance;

public sealed class PostgresImportProvenance(PostgresConnectionFactory connections) : IImportProvenance
{
    public async Task<IReadOnlyList<ProvenanceRecord>> ForFeedAsync(string feed, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProvenanceRecord>(new CommandDefinition(
            "SELECT feed AS Feed, source_id AS SourceId, service_id AS ServiceId, source_modified AS SourceModified FROM import_provenance WHERE feed = @feed",
            new { feed },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public Task SaveAsync(ProvenanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return connections.WriteCommittedAsync(PracticeScope.None, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO import_provenance (feed, source_id, service_id, source_modified)
            VALUES (@Feed, @SourceId, @ServiceId, @SourceModified)
            ON CONFLICT (feed, source_id) DO UPDATE SET service_id = excluded.service_id, source_modified = excluded.source_modified
            """,
            record,
            transaction,
            cancellationToken: cancellationToken)), cancellationToken);
    }
}
