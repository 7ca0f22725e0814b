namespace Referral.Data;

/// <summary>
/// The last write the storage refused, until a write succeeds: what readiness reports while a
/// disk is full or another process holds the lock.
/// </summary>
public sealed class StorageHealth(TimeProvider time)
{
    /// <summary>
    /// How long a refused write is reported when nothing writes after it. Readiness failing
    /// takes the instance out of a load balancer, and then no write would come to clear it.
    /// </summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(1);

    private volatile Refusal? _last;

    public StorageFaultException? RecentWriteFault =>
        _last is { } last && time.GetUtcNow() - last.At < Memory ? last.Fault : null;

    public void WriteRefused(StorageFaultException fault) => _last = new Refusal(fault, time.GetUtcNow());

    public void WriteSucceeded()
    {
        if (_last is not null)
        {
            _last = null;
        }
    }

    private sealed record Refusal(StorageFaultException Fault, DateTimeOffset At);
}
