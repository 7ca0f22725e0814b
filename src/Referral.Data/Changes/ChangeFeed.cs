namespace Referral.Data.Changes;

/// <summary>Something committed to the database that in-memory views of it must follow.</summary>
public abstract record DataChange
{
    /// <summary>A service was created, replaced or retired.</summary>
    public sealed record ServiceChanged(Guid ServiceId) : DataChange;

    /// <summary>
    /// Any service may have changed without a word (this process lost its line to the other
    /// instances for a while): every view of the directory reads it all again.
    /// </summary>
    public sealed record EverythingChanged : DataChange;
}

/// <summary>
/// Tells subscribers (the matching directory) of changes once they are committed, whichever path
/// made them: an HTTP handler, the demo seeder, an importer or an operator's verb. Publishing
/// waits for every subscriber, so a client that hears its write succeeded reads it back
/// everywhere. Another process's changes are fed in the same way (<see cref="IChangeSource"/>:
/// PostgreSQL's LISTEN/NOTIFY calling <see cref="PublishAsync"/>).
/// </summary>
public sealed class ChangeFeed
{
    private readonly Lock _gate = new();
    private Func<DataChange, Task>[] _subscribers = [];

    public IDisposable Subscribe(Func<DataChange, Task> subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    /// <summary>Runs every subscriber to the end: the change is committed, so nothing may cancel catching up with it.</summary>
    public async Task PublishAsync(DataChange change)
    {
        foreach (var subscriber in _subscribers)
        {
            await subscriber(change);
        }
    }

    private void Unsubscribe(Func<DataChange, Task> subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscriber)];
        }
    }

    private sealed class Subscription(ChangeFeed feed, Func<DataChange, Task> subscriber) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(subscriber);
    }
}
