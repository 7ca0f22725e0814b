using DbUp;
using DbUp.Engine;
using Npgsql;

namespace Referral.Data.Postgres;

/// <summary>
/// Applies the plain SQL scripts of db/postgresql (embedded in this assembly) with DbUp, which
/// records each applied script in schemaversions so that it runs exactly once per database.
/// </summary>
public sealed class PostgresMigrator(PostgresConnectionFactory connections) : IStorageMigrator
{
    private const string ScriptPrefix = "Referral.Data.Migrations.Postgresql.";

    // Any fixed number: instances starting together take turns to migrate, and the later ones
    // find nothing left to do, instead of both running the same script.
    private const long MigrationLock = 0x5265_6665_7272_616C;

    public void Migrate()
    {
        try
        {
            using var connection = new NpgsqlConnection(connections.ConnectionString);
            connection.Open();
            using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
            {
                take.ExecuteNonQuery();
            }

            var result = Upgrader().PerformUpgrade();
            if (!result.Successful)
            {
                throw PostgresErrors.AsStorageFault(result.Error, connections.Database)
                    ?? (Exception)new InvalidOperationException($"Database migration failed at script '{result.ErrorScript?.Name}'.", result.Error);
            }

            // The session's end releases the lock as well; this just says so.
            using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            release.ExecuteNonQuery();
        }
        catch (Exception e) when (e is not StorageFaultException && PostgresErrors.AsStorageFault(e, connections.Database) is { } fault)
        {
            throw fault;
        }
    }

    public IReadOnlyList<string> PendingScripts() => Upgrader().GetScriptsToExecute().Select(s => s.Name).ToList();

    private UpgradeEngine Upgrader() =>
        DeployChanges.To
            .PostgresqlDatabase(connections.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(PostgresMigrator).Assembly, name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build();
}
