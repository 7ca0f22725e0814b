using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Referral.Data.Sqlite;

public sealed class SqliteReadiness(SqliteConnectionFactory connections, SqliteMigrator migrator) : StorageReadiness(connections.Health, migrator)
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await connections.OpenAsync(cancellationToken);

    protected override string? Unreachable(Exception e) => e switch
    {
        SqliteException s when SqliteErrors.AsStorageFault(s, connections.DatabasePath) is { } fault => $"The database cannot be reached: {fault.Summary}.",
        SqliteException or IOException => "The database cannot be reached.",
        _ => null,
    };
}
