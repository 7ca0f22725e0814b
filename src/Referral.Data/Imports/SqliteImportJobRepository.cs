using Dapper;
using Referral.Data.Sqlite;

namespace Referral.Data.Imports;

public sealed class SqliteImportJobRepository(SqliteConnectionFactory connections) : IImportJobRepository
{
    /// <summary>The columns as both providers read them.</summary>
    internal const string Columns =
        "id AS Id, source AS Source, status AS Status, pages AS Pages, records AS Records, started_at AS StartedAt, finished_at AS FinishedAt, heard_at AS HeardAt, report AS Report";

    public Task CreateAsync(ImportJobRecord job, CancellationToken cancellationToken) =>
        connections.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO import_jobs (id, source, status, pages, records, started_at, finished_at, heard_at, report)
            VALUES (@Id, @Source, @Status, @Pages, @Records, @StartedAt, @FinishedAt, @HeardAt, @Report)
            """,
            job,
            cancellationToken: cancellationToken)), cancellationToken);

    public Task SaveAsync(ImportJobRecord job, CancellationToken cancellationToken) =>
        connections.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE import_jobs
            SET status = @Status, pages = @Pages, records = @Records, finished_at = @FinishedAt, heard_at = @HeardAt, report = @Report
            WHERE id = @Id
            """,
            job,
            cancellationToken: cancellationToken)), cancellationToken);

    public async Task<ImportJobRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ImportJobRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM import_jobs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }
}
