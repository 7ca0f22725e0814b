using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;

namespace Referral.Data.Sqlite;

/// <summary>
/// Applies the plain SQL scripts of db/sqlite (embedded in this assembly) with DbUp, which
/// records each applied script so that it runs exactly once per database.
/// </summary>
public sealed class SqliteMigrator(SqliteConnectionFactory connections) : IStorageMigrator
{
    private const string ScriptPrefix = "Referral.Data.Migrations.Sqlite.";

    /// <param name="before">Apply only the scripts whose names sort before this one (e.g. "0004"):
    /// how a test builds a database as an older release left it, to check an upgrade.</param>
    /// <exception cref="StorageFaultException">The database cannot be created, opened, migrated or written.</exception>
    public void Migrate(string? before)
    {
        try
        {
            CreateFolder();
            PrepareFile();
            var result = Upgrader(before).PerformUpgrade();
            if (!result.Successful)
            {
                throw result.Error is SqliteException e && SqliteErrors.AsStorageFault(e, connections.DatabasePath) is { } fault
                    ? fault
                    : (Exception)new InvalidOperationException($"Database migration failed at script '{result.ErrorScript?.Name}'.", result.Error);
            }
        }
        catch (SqliteException e) when (SqliteErrors.AsStorageFault(e, connections.DatabasePath) is { } fault)
        {
            throw fault;
        }
    }

    public void Migrate() => Migrate(null);

    public IReadOnlyList<string> PendingScripts() => Upgrader().GetScriptsToExecute().Select(s => s.Name).ToList();

    private void CreateFolder()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(connections.DatabasePath));
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageFaultException(StorageFaultKind.Unavailable, connections.DatabasePath, $"its folder cannot be created: {WhyNot(directory, e)}", e);
        }
    }

    // .NET says "Could not find a part of the path" when a parent is a file: name the file.
    private static string WhyNot(string directory, Exception e)
    {
        for (var parent = directory; !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"{parent} is a file, not a folder";
            }
        }

        return e.Message.TrimEnd('.');
    }

    private void PrepareFile()
    {
        using var connection = new SqliteConnection(connections.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers carry on while one writer commits; it is a property of the file,
        // so setting it once here holds for every later connection.
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();

        // SQLite opens a file it may not write read-only without a word (and lets it take the
        // write lock), so only a write shows it: the header's user_version set to itself, in a
        // transaction rolled back, so the file is left exactly as it was.
        using var transaction = connection.BeginTransaction();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA user_version = {version.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
        command.ExecuteNonQuery();
        transaction.Rollback();
    }

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
