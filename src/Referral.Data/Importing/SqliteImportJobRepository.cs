using Dapper;
using Referral.Data.Sqlite;

namespace Referral.Data.Importing;

public sealed class SqliteImportJobRepository(SqliteConnectionFactory connections) : IImportJobRepository
{

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
        var row = await connection.QuerySingleOrDefaultAsync<ImportJobRow>(new CommandDefinition(
            $"SELECT {ImportJobRow.Columns} FROM import_jobs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }
}
