namespace Referral.Data.Idempotency;

/// <summary>
/// The first response to each Idempotency-Key, per practice, so that a retry gets it again.
/// Responses are stored by the write that creates the resource, in its own transaction
/// (<see cref="IdempotentWrite{T}"/>), never afterwards: a crash between the two would leave a
/// resource whose retry creates another.
/// </summary>
public interface IIdempotentResponses
{
    /// <param name="key">The SHA-256 of the client's key, never the key: a client may use anything as one.</param>
    Task<IdempotentResponse?> FindAsync(string odsCode, string key, CancellationToken cancellationToken);
}

/// <summary>The first response to an Idempotency-Key, and the hash of the body that asked for it.</summary>
public sealed record IdempotentResponse(string RequestHash, Guid ResourceId, string ResponseBody);

/// <summary>
/// A create's promise to store its response under an Idempotency-Key in the same transaction as
/// the resource, rendered from the resource as stored.
/// </summary>
public sealed record IdempotentWrite<T>(string Key, string RequestHash, Func<T, string> Render);
