using Npgsql;
using Referral.Data.Changes;

namespace Referral.Data.Postgres;

/// <summary>
/// Feeds the other instances' committed service changes into this process's <see cref="ChangeFeed"/>:
/// LISTEN on a connection of its own for the NOTIFY that every write to services sends
/// (db/postgresql/0004), skipping what this instance wrote itself (its repositories published
/// that already). A dropped connection is opened again; since notifications sent meanwhile are
/// lost, everything is then reloaded once.
/// </summary>
public sealed class PostgresChangeListener(PostgresConnectionFactory connections, ChangeFeed changes) : IChangeSource, IAsyncDisposable
{
    public const string Channel = "referral_changes";

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Listens before returning, so that nothing committed after the caller's next read is missed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await ListenAsync(cancellationToken);
        _loop = Task.Run(() => RunAsync(connection, _stopping.Token), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(NpgsqlConnection? connection, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    if (connection is null)
                    {
                        connection = await ListenAsync(stopping);
                        // Whatever changed while no one listened was not heard of: read it all again.
                        await changes.PublishAsync(new DataChange.EverythingChanged());
                    }

                    await RelayAsync(connection, stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    // The server went away or restarted, or catching up failed: listen again once
                    // it answers, and then read everything again.
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }

                    await Task.Delay(Retry, stopping);
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Publishes each service another instance changed, as its notification arrives.</summary>
    private async Task RelayAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        var heard = new List<Guid>();
        connection.Notification += (_, e) =>
        {
            if (ServiceOf(e.Payload) is { } id)
            {
                heard.Add(id);
            }
        };
        while (!stopping.IsCancellationRequested)
        {
            await connection.WaitAsync(stopping);
            var batch = heard.Distinct().ToArray();
            heard.Clear();
            foreach (var id in batch)
            {
                await changes.PublishAsync(new DataChange.ServiceChanged(id));
            }
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        // Outside the pool: a pooled connection is reset (UNLISTEN) when it goes back. Keepalives
        // notice a connection the network dropped while nothing was said on it.
        var builder = new NpgsqlConnectionStringBuilder(connections.ConnectionString) { Pooling = false, KeepAlive = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The service named by "instance:id", unless this instance wrote it.</summary>
    private Guid? ServiceOf(string payload)
    {
        var separator = payload.LastIndexOf(':');
        return separator >= 0
               && payload.AsSpan(0, separator).SequenceEqual(connections.Instance) is false
               && Guid.TryParse(payload.AsSpan(separator + 1), out var id)
            ? id
            : null;
    }
}
