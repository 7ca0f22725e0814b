using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Referral.Api.OpenApi;

/// <summary>
/// Declares the problem responses that follow from how an endpoint is configured (a key is
/// required, it takes a body, it is rate limited, it writes), so every operation in the
/// contract lists its errors without each endpoint repeating them.
/// </summary>
public static class StandardProblems
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    public static TBuilder WithStandardProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // Finally runs after the endpoint's own conventions, so RequireAuthorization and the
        // like are already in the metadata.
        builder.Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();

            void Add(int status, Type type)
            {
                if (declared.Add(status))
                {
                    metadata.Add(new ProducesResponseTypeMetadata(status, type, ProblemJson));
                }
            }

            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                Add(StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
                Add(StatusCodes.Status403Forbidden, typeof(ProblemDetails));
            }

            if (metadata.OfType<IAcceptsMetadata>().Any())
            {
                Add(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
                Add(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails));
                Add(StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails));
            }

            if (metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any())
            {
                Add(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails));
            }

            // Anything but a read stores something, and the storage may refuse it (full, locked, read-only).
            if (metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)))
            {
                Add(StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails));
            }
        });
        return builder;
    }

    /// <summary>Declares one problem response of an endpoint's own (404, 409, 412, 422).</summary>
    public static RouteHandlerBuilder ProducesProblemJson(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
