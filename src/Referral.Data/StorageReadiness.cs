using System.Data.Common;

namespace Referral.Data;

/// <summary>Ready: no write was refused lately, the database answers a query, and every migration is applied.</summary>
public abstract class StorageReadiness(StorageHealth health, IStorageMigrator migrator) : IStorageReadiness
{
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        // First, and without touching the database: while another process holds the lock, the
        // migration check below waits for it too, and would only say it could not get in.
        if (health.RecentWriteFault is { } fault)
        {
            return $"Writes are refused: {fault.Summary}.";
        }

        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            var pending = migrator.PendingScripts();
            return pending.Count == 0 ? null : $"{pending.Count} migrations not applied.";
        }
        catch (Exception e) when (Unreachable(e) is { } why)
        {
            return why;
        }
    }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Why the database cannot be reached, in words without its path; null for an error of another kind.</summary>
    protected abstract string? Unreachable(Exception e);
}
