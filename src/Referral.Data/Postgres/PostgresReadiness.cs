namespace Referral.Data.Postgres;

/// <summary>Ready: no write was refused lately, the server answers a query, and every migration is applied.</summary>
public sealed class PostgresReadiness(PostgresConnectionFactory connections, PostgresMigrator migrator) : IStorageReadiness
{
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
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
        catch (StorageFaultException unreachable)
        {
            return $"The database cannot be reached: {unreachable.Summary}.";
        }
        catch (Exception e) when (PostgresErrors.AsStorageFault(e, connections.Database) is { } unreachable)
        {
            return $"The database cannot be reached: {unreachable.Summary}.";
        }
    }
}
