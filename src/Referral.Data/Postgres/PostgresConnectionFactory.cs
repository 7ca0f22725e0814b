using System.Data;
using Npgsql;

namespace Referral.Data.Postgres;

/// <summary>
/// Opens connections to the PostgreSQL database. There is no write queue in the process, as
/// SQLite has: several API instances share the server, so what keeps writes apart is the
/// database itself (row locks, unique constraints). Every unit of work runs in a transaction
/// that first names its practice for row-level security, and this instance for change
/// notifications; a refusal by the storage becomes a <see cref="StorageFaultException"/>.
/// </summary>
public sealed class PostgresConnectionFactory : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _lockTimeout;

    public PostgresConnectionFactory(string connectionString, PostgresOptions? options = null, StorageHealth? health = null)
    {
        options ??= new PostgresOptions();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        ConnectionString = builder.ConnectionString;
        Database = $"{builder.Database ?? builder.Username} on {builder.Host}:{builder.Port}";
        Health = health ?? new StorageHealth(TimeProvider.System);
        _lockTimeout = $"{Math.Max(1, options.LockTimeoutSeconds)}s";
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string ConnectionString { get; }

    /// <summary>How faults name the database: its name, host and port (never the password).</summary>
    public string Database { get; }

    /// <summary>This process, as change notifications name it (db/postgresql/0004).</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    public StorageHealth Health { get; }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>A connection outside any transaction: only for tables without row-level security.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (PostgresErrors.AsStorageFault(e, Database) is { } fault)
        {
            throw fault;
        }
    }

    /// <summary>
    /// Runs reads in one transaction under <paramref name="scope"/>, so that they see one
    /// practice's rows and nothing else; nothing is committed.
    /// </summary>
    public Task<T> ReadAsync<T>(PracticeScope scope, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> read, CancellationToken cancellationToken = default) =>
        RunAsync(scope, read, write: false, cancellationToken);

    /// <summary>
    /// Runs a write in a transaction of its own under <paramref name="scope"/>. The write commits
    /// the transaction itself when it has done what it meant to; otherwise it is rolled back. A
    /// write the storage refuses (full, read-only, locked beyond the lock timeout, unreachable)
    /// throws <see cref="StorageFaultException"/> and is remembered in <see cref="Health"/>.
    /// </summary>
    public Task<T> WriteAsync<T>(PracticeScope scope, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken = default) =>
        RunAsync(scope, write, write: true, cancellationToken);

    /// <summary>A write that commits in any case (a single statement, or one that cannot be refused half-way).</summary>
    public Task<T> WriteCommittedAsync<T>(PracticeScope scope, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken = default) =>
        WriteAsync(scope, async (connection, transaction) =>
        {
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }, cancellationToken);

    private async Task<T> RunAsync<T>(PracticeScope scope, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, bool write, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await BeginAsync(connection, scope, cancellationToken);
            var result = await work(connection, transaction);
            if (write)
            {
                Health.WriteSucceeded();
            }

            return result;
        }
        catch (Exception e) when (PostgresErrors.AsStorageFault(e, Database) is { } fault)
        {
            if (write)
            {
                Health.WriteRefused(fault);
            }

            throw fault;
        }
    }

    private async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, PracticeScope scope, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        // Transaction-local (is_local = true): a pooled connection carries nothing of it to its
        // next user, and a statement outside these transactions sees no practice at all.
        await using var command = new NpgsqlCommand(
            """
            SELECT set_config('referral.practice', $1, true), set_config('referral.scope', $2, true),
                   set_config('referral.instance', $3, true), set_config('lock_timeout', $4, true)
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = scope.OdsCode ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter { Value = scope.AllPractices ? "all-practices" : string.Empty });
        command.Parameters.Add(new NpgsqlParameter { Value = Instance });
        command.Parameters.Add(new NpgsqlParameter { Value = _lockTimeout });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
