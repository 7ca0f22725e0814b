using Dapper;
using Referral.Data.Sqlite;

namespace Referral.Data.Provenance;

/// <summary>One imported record: the feed, its id there, the service it became, and its modified date there.</summary>
public sealed record ProvenanceRecord(string Feed, string SourceId, Guid ServiceId, string? SourceModified);

/// <summary>Where imported services came from (db/sqlite/0011_import_provenance.sql).</summary>
public interface IImportProvenance
{
    Task<IReadOnlyList<ProvenanceRecord>> ForFeedAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Records or updates one record's provenance.</summary>
    Task SaveAsync(ProvenanceRecord record, CancellationToken cancellationToken);
}

public sealed class SqliteImportProvenance(SqliteConnectionFactory connections) : IImportProvenance
{
    public async Task<IReadOnlyList<ProvenanceRecord>> ForFeedAsync(string feed, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT feed AS Feed, source_id AS SourceId, service_id AS ServiceId, source_modified AS SourceModified FROM import_provenance WHERE feed = @feed",
            new { feed },
            cancellationToken: cancellationToken));
        return rows.Select(r => new ProvenanceRecord(r.Feed, r.SourceId, Guid.Parse(r.ServiceId), r.SourceModified)).ToList();
    }

    public Task SaveAsync(ProvenanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return connections.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO import_provenance (feed, source_id, service_id, source_modified)
            VALUES (@Feed, @SourceId, @ServiceId, @SourceModified)
            ON CONFLICT (feed, source_id) DO UPDATE SET service_id = excluded.service_id, source_modified = excluded.source_modified
            """,
            new { record.Feed, record.SourceId, ServiceId = record.ServiceId.ToString("D"), record.SourceModified },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    private sealed class Row
    {
        public string Feed { get; init; } = string.Empty;
        public string SourceId { get; init; } = string.Empty;
        public string ServiceId { get; init; } = string.Empty;
        public string? SourceModified { get; init; }
    }
}
