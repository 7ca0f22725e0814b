using System.Text.Json;
using Referral.Data.Idempotency;

namespace Referral.Api.Http;

/// <summary>
/// A request that carried an Idempotency-Key and has no stored answer yet, as the
/// <see cref="IdempotencyFilter"/> leaves it for the endpoint (in HttpContext.Features). The
/// endpoint hands <see cref="Storing{TResource, TResponse}"/> to the write that creates the
/// resource, which stores the response in the same transaction.
/// </summary>
public sealed class IdempotentRequest(string key, string requestHash, JsonSerializerOptions json)
{
    /// <summary>The SHA-256 of the client's key.</summary>
    public string Key => key;

    /// <summary>The SHA-256 of the request body, serialised as the API serialises it.</summary>
    public string RequestHash => requestHash;

    /// <summary>What to store: the response body the client is sent, rendered from the resource as stored.</summary>
    public IdempotentWrite<TResource> Storing<TResource, TResponse>(Func<TResource, TResponse> response) =>
        new(key, requestHash, resource => JsonSerializer.Serialize(response(resource), json));
}

/// <summary>
/// What an endpoint returns when its write found the Idempotency-Key taken by a concurrent
/// request: the <see cref="IdempotencyFilter"/> answers with that request's stored response instead.
/// </summary>
public sealed class IdempotencyKeyTaken : IResult
{
    public static readonly IdempotencyKeyTaken Instance = new();

    private IdempotencyKeyTaken()
    {
    }

    public Task ExecuteAsync(HttpContext httpContext) =>
        throw new InvalidOperationException("An idempotency key can only be taken on an endpoint mapped WithIdempotency().");
}
