using Microsoft.Data.Sqlite;

namespace Referral.Data.Sqlite;

/// <summary>
/// Opens connections to the embedded database. Each connection turns on foreign keys (a
/// per-connection setting in SQLite) and waits for a busy writer instead of failing at once.
/// </summary>
public sealed class SqliteConnectionFactory
{
    // SQLite has one writer at a time. Queuing this process's writes here, asynchronously, is far
    // cheaper than letting them collide on the file lock, where the provider retries by sleeping.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteConnectionFactory(string databasePath)
    {
        DatabasePath = databasePath;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    public string DatabasePath { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// A connection for a write: the caller holds this process's write turn until it disposes
    /// the scope, so its transaction never waits on another of ours for the database lock.
    /// </summary>
    public async Task<WriteScope> OpenForWriteAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            // In WAL mode NORMAL cannot corrupt the database and loses nothing when the process
            // crashes; only an operating system crash or power cut may lose the last commits.
            // FULL would add an fsync to every commit, the slowest step of most writes.
            // secure_delete overwrites deleted content, so an erased profile leaves no readable
            // trace in free pages of the file.
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new WriteScope(connection, _writeGate);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>A connection for reads (WAL readers never wait for the writer).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}

/// <summary>A write connection and this process's write turn; disposing it gives both back.</summary>
public sealed class WriteScope(SqliteConnection connection, SemaphoreSlim gate) : IAsyncDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.DisposeAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
