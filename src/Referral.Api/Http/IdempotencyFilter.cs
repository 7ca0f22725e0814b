using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Security;
using Referral.Data.Idempotency;

namespace Referral.Api.Http;

/// <summary>
/// Safe retries of a create (the Idempotency-Key header): the same key with the same body is
/// answered with the first response and creates nothing; with another body it is 422. Keys are
/// per practice and stored only as SHA-256 hashes, since a client may use anything as a key,
/// even something personal. The endpoint stores the first response in the transaction that
/// creates the resource (see <see cref="IdempotentRequest"/>), so a crash cannot separate them.
/// </summary>
public static class IdempotencyFilter
{
    public const string Header = "Idempotency-Key";

    /// <param name="resource">What the endpoint creates ("referral"), for the problem of a reused key.</param>
    /// <param name="location">The created resource's address, from its id, for the Location of a replay.</param>
    public static RouteHandlerBuilder WithIdempotency<TBody>(this RouteHandlerBuilder builder, string resource, Func<Guid, string> location)
    {
        builder.ProducesProblemJson(StatusCodes.Status422UnprocessableEntity);
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter { Name = Header, In = ParameterLocation.Header, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
            return Task.CompletedTask;
        });
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var body = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.ParameterType == typeof(TBody));
            if (body < 0)
            {
                throw new InvalidOperationException($"WithIdempotency<{typeof(TBody).Name}>() needs an endpoint that takes a {typeof(TBody).Name}.");
            }

            return async context =>
            {
                var http = context.HttpContext;
                if (!http.Request.Headers.TryGetValue(Header, out var values))
                {
                    return await next(context);
                }

                var key = values.ToString();
                if (key.Length is 0 or > 100)
                {
                    return InvalidKey();
                }

                // The body's hash is what tells a replay from a key reused for another request.
                var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                // A create under a path with ids (a referral's outcome measures) belongs to what the
                // path names: the same body for another referral is another request. A path without
                // ids hashes the body alone, as keys stored before this rule were.
                var content = JsonSerializer.Serialize((TBody)context.Arguments[body]!, json);
                var request = new IdempotentRequest(Hash(key), Hash(http.Request.RouteValues.Count == 0 ? content : $"{http.Request.Path}\n{content}"), json);
                if (await AnswerFromStoreAsync(http, request, resource, location) is { } answer)
                {
                    return answer;
                }

                http.Features.Set(request);
                var result = await next(context);
                // Typed handlers wrap what they return in a Results<...> union.
                return result is IdempotencyKeyTaken or INestedHttpResult { Result: IdempotencyKeyTaken }
                    ? await AnswerFromStoreAsync(http, request, resource, location)
                        ?? throw new InvalidOperationException("The Idempotency-Key was taken, yet no response is stored under it.")
                    : result;
            };
        });
        return builder;
    }

    /// <summary>The request's <see cref="IdempotentRequest"/>, or null when it carried no Idempotency-Key.</summary>
    public static IdempotentRequest? IdempotentRequest(this HttpContext http) => http.Features.Get<IdempotentRequest>();

    private static async Task<IResult?> AnswerFromStoreAsync(HttpContext http, IdempotentRequest request, string resource, Func<Guid, string> location)
    {
        var responses = http.RequestServices.GetRequiredService<IIdempotentResponses>();
        var first = await responses.FindAsync(http.User.OdsCode(), request.Key, http.RequestAborted);
        if (first is null)
        {
            return null;
        }

        if (first.RequestHash != request.RequestHash)
        {
            return Problem.Unprocessable($"{Header} reused", $"This {Header} was first used with a different request body. Use a new key for a new {resource}.");
        }

        http.Response.Headers.Location = location(first.ResourceId);
        using (var stored = JsonDocument.Parse(first.ResponseBody))
        {
            if (stored.RootElement.TryGetProperty("version", out var version))
            {
                http.Response.Headers.ETag = ETags.For(version.GetInt32());
            }
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Content(first.ResponseBody, "application/json", Encoding.UTF8, StatusCodes.Status201Created);
    }

    private static ProblemHttpResult InvalidKey() => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
    {
        [Header] = [$"An {Header} is 1 to 100 characters, e.g. a UUID."],
    })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = $"Invalid {Header}",
    });

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
