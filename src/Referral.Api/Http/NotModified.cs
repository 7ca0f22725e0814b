using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Referral.Api.Http;

/// <summary>
/// 304 Not Modified: no body, and the headers the caller set (ETag, Cache-Control) as the 200
/// would have had them. It declares itself, so an endpoint that can answer it says so in the
/// contract without repeating Produces.
/// </summary>
public sealed class NotModified : IResult, IEndpointMetadataProvider
{
    public static NotModified Instance { get; } = new();

    private NotModified()
    {
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}
