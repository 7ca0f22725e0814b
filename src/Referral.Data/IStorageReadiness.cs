namespace Referral.Data;

/// <summary>Whether the storage can take requests: reachable, fully migrated, and not refusing writes.</summary>
public interface IStorageReadiness
{
    /// <summary>Null when ready; otherwise why not, in words without the database path.</summary>
    Task<string?> ProblemAsync(CancellationToken cancellationToken);
}
