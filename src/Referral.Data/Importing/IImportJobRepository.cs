namespace Referral.Data.Importing;

/// <summary>
/// An import job as stored: its progress while it runs, then its report (the API's JSON, kept
/// as written). HeardAt is when the instance running it last wrote, so a reader on any instance
/// can tell a job that is still running from one whose server stopped.
/// </summary>
public sealed record ImportJobRecord(
    Guid Id,
    string Source,
    string Status,
    int Pages,
    int Records,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset HeardAt,
    string? Report);

/// <summary>Import jobs (db/sqlite/0013_import_jobs.sql, db/postgresql/0006_import_jobs.sql).</summary>
public interface IImportJobRepository
{
    Task CreateAsync(ImportJobRecord job, CancellationToken cancellationToken);

    /// <summary>Writes the job's progress, status and report over what was stored.</summary>
    Task SaveAsync(ImportJobRecord job, CancellationToken cancellationToken);

    Task<ImportJobRecord?> FindAsync(Guid id, CancellationToken cancellationToken);
}
