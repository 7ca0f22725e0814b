using Microsoft.Data.Sqlite;

namespace Referral.Data.Sqlite;

/// <summary>Ready: no write was refused lately, the file answers a query, and every migration is applied.</summary>
public sealed class SqliteReadiness(SqliteConnectionFactory connections, SqliteMigrator migrator) : IStorageReadiness
{
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        // First, and without touching the file: while another process holds the lock, the
        // migration check below waits for it too, and would only say it could not get in.
        if (connections.Health.RecentWriteFault is { } fault)
        {
            return $"Writes are refused: {fault.Summary}.";
        }

        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            var pending = migrator.PendingScripts();
            return pending.Count == 0 ? null : $"{pending.Count} migrations not applied.";
        }
        catch (SqliteException e) when (SqliteErrors.AsStorageFault(e, connections.DatabasePath) is { } unreachable)
        {
            return $"The database cannot be reached: {unreachable.Summary}.";
        }
        catch (Exception e) when (e is SqliteException or IOException)
        {
            return "The database cannot be reached.";
        }
    }
}
