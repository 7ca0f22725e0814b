using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;

namespace Referral.Data.Sqlite;

/// <summary>
/// Applies the plain SQL scripts of db/sqlite (embedded in this assembly) with DbUp, which
/// records each applied script so that it runs exactly once per database.
/// </summary>
public sealed class SqliteMigrator(SqliteConnectionFactory connections)
{
    private const string ScriptPrefix = "Referral.Data.Migrations.Sqlite.";

    /// <param name="before">Apply only the scripts whose names sort before this one (e.g. "0004"):
    /// how a test builds a database as an older release left it, to check an upgrade.</param>
    public void Migrate(string? before = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(connections.DatabasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            System.IO.Directory.CreateDirectory(directory);
        }

        // WAL lets readers carry on while one writer commits; it is a property of the file,
        // so setting it once here holds for every later connection.
        using (var connection = new SqliteConnection(connections.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }

        var result = Upgrader(before).PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed at script '{result.ErrorScript?.Name}'.", result.Error);
        }
    }

    /// <summary>The scripts this build knows about that the database has not applied yet.</summary>
    public IReadOnlyList<string> PendingScripts() => Upgrader().GetScriptsToExecute().Select(s => s.Name).ToList();

    private UpgradeEngine Upgrader(string? before = null) =>
        DeployChanges.To
            .SqliteDatabase(connections.ConnectionString)
            .WithScriptsEmbeddedInAssembly(
                typeof(SqliteMigrator).Assembly,
                name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal)
                        && (before is null || string.CompareOrdinal(name, ScriptPrefix + before) < 0))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
}
