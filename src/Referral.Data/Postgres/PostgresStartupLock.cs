using Npgsql;

namespace Referral.Data.Postgres;

/// <summary>
/// A session-level advisory lock on a connection of its own, released when disposed (or when
/// the session ends, should the process die while holding it). Not the migrator's lock: the
/// migrator takes that one on another connection while this one is held. An instance waits as
/// long as another takes to migrate and seed, up to <see cref="Wait"/>.
/// </summary>
public sealed class PostgresStartupLock(PostgresConnectionFactory connections) : IStartupLock
{
    private const long StartupLock = 0x5265_6665_7272_5354;

    /// <summary>Far longer than migrating and seeding take, so that only a stuck instance makes another give up.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(5);

    public async Task<IAsyncDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connections.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLock})", connection) { CommandTimeout = (int)Wait.TotalSeconds };
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection);
        }
        catch (Exception e) when (PostgresErrors.AsStorageFault(e, connections.Database) is { } fault)
        {
            await connection.DisposeAsync();
            throw fault;
        }
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Said explicitly: a pooled connection's session outlives its disposal, and the lock with it.
            try
            {
                await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLock})", connection);
                await release.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
