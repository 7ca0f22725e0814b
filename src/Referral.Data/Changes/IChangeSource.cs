namespace Referral.Data.Changes;

/// <summary>
/// Changes committed by other processes, fed into the <see cref="ChangeFeed"/>: registered only
/// by providers that several API instances share (PostgreSQL's LISTEN/NOTIFY).
/// </summary>
public interface IChangeSource
{
    /// <summary>Starts hearing of changes; returns once nothing committed after it can be missed.</summary>
    Task StartAsync(CancellationToken cancellationToken);
}
