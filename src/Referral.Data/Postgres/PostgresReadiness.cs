using System.Data.Common;

namespace Referral.Data.Postgres;

public sealed class PostgresReadiness(PostgresConnectionFactory connections, PostgresMigrator migrator) : StorageReadiness(connections.Health, migrator)
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await connections.OpenAsync(cancellationToken);

    protected override string? Unreachable(Exception e) =>
        (e as StorageFaultException ?? PostgresErrors.AsStorageFault(e, connections.Database)) is { } fault
            ? $"The database cannot be reached: {fault.Summary}."
            : null;
}
