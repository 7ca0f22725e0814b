using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Referral.Data.Sqlite;

/// <summary>
/// Opens connections to the embedded database. Each connection turns on foreign keys (a
/// per-connection setting in SQLite). Writes go through <see cref="WriteAsync{T}"/>, which
/// bounds how long they wait and turns a refusal by the storage into a
/// <see cref="StorageFaultException"/>.
/// </summary>
public class SqliteConnectionFactory : IDisposable
{
    // SQLite has one writer at a time. Queuing this process's writes here, asynchronously, is far
    // cheaper than letting them collide on the file lock, where the provider retries by sleeping.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly TimeSpan _busyTimeout;
    private readonly int? _maxPageCount;

    public SqliteConnectionFactory(string databasePath, SqliteOptions? options = null, StorageHealth? health = null)
    {
        options ??= new SqliteOptions();
        DatabasePath = databasePath;
        Health = health ?? new StorageHealth(TimeProvider.System);
        _busyTimeout = TimeSpan.FromSeconds(Math.Max(1, options.BusyTimeoutSeconds));
        _maxPageCount = options.MaxPageCount;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // The provider retries a locked database until this many seconds have passed.
            DefaultTimeout = (int)_busyTimeout.TotalSeconds,
            Pooling = true,
        }.ToString();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writeGate.Dispose();
        }
    }

    public string DatabasePath { get; }

    public string ConnectionString { get; }

    public StorageHealth Health { get; }

    /// <summary>
    /// Runs a write on a connection of its own while holding this process's write turn, so its
    /// transaction never waits on another of ours for the database lock. The turn and the lock
    /// are waited for within one busy timeout in all; a write the storage refuses (full, locked,
    /// read-only, damaged) throws <see cref="StorageFaultException"/> and is remembered in
    /// <see cref="Health"/> until a write succeeds.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken = default)
    {
        var waiting = Stopwatch.StartNew();
        if (!await _writeGate.WaitAsync(_busyTimeout, cancellationToken))
        {
            // The write ahead of this one is itself stuck, most likely on another process's lock.
            throw Refused(new StorageFaultException(
                StorageFaultKind.Busy,
                DatabasePath,
                string.Create(CultureInfo.InvariantCulture, $"this process's earlier writes held the write turn for more than {_busyTimeout.TotalSeconds:0} s")));
        }

        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // What the queue took comes off the wait for the lock, so a request gives up within
            // about one busy timeout however it is split between the two.
            connection.DefaultTimeout = Math.Max(1, (int)Math.Ceiling((_busyTimeout - waiting.Elapsed).TotalSeconds));
            await PrepareWriteAsync(connection, cancellationToken);
            var result = await write(connection);
            Health.WriteSucceeded();
            return result;
        }
        catch (SqliteException e) when (SqliteErrors.AsStorageFault(e, DatabasePath) is { } fault)
        {
            throw Refused(fault);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc cref="WriteAsync{T}"/>
    public Task WriteAsync(Func<SqliteConnection, Task> write, CancellationToken cancellationToken = default) =>
        WriteAsync(async connection =>
        {
            await write(connection);
            return true;
        }, cancellationToken);

    /// <summary>A connection for reads (WAL readers never wait for the writer).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Per-connection settings of a write connection (pooled connections keep them, so they are set each time).</summary>
    protected virtual async Task PrepareWriteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // In WAL mode NORMAL cannot corrupt the database and loses nothing when the process
        // crashes; only an operating system crash or power cut may lose the last commits.
        // FULL would add an fsync to every commit, the slowest step of most writes.
        // secure_delete overwrites deleted content, so an erased profile leaves no readable
        // trace in free pages of the file.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;"
            + (_maxPageCount is { } pages ? $" PRAGMA max_page_count = {pages.ToString(CultureInfo.InvariantCulture)};" : "");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private StorageFaultException Refused(StorageFaultException fault)
    {
        Health.WriteRefused(fault);
        return fault;
    }
}
