namespace Referral.Data;

/// <summary>
/// Held while an instance prepares the database it shares (migrations, then the Development demo
/// data), so that instances starting together take turns and each later one finds the work done
/// instead of doing it again: a check-then-insert such as "seed the directory when it is empty"
/// is only safe under it.
/// </summary>
public interface IStartupLock
{
    Task<IAsyncDisposable> TakeAsync(CancellationToken cancellationToken);
}

/// <summary>SQLite: one process per database file is the supported deployment, so there is no one to take turns with.</summary>
public sealed class ProcessStartupLock : IStartupLock, IAsyncDisposable
{
    public Task<IAsyncDisposable> TakeAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
