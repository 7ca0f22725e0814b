using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Referral.Api.Problems;

/// <summary>
/// Refuses a body whose Content-Type cannot be read, or names a charset other than UTF-8, with
/// 415 before any endpoint reads it. JSON is UTF-8 (RFC 8259); the framework's reader would
/// otherwise throw on an unknown charset and answer 500. Endpoints that read no body ignore its
/// Content-Type, as their contract (which declares no 415) says.
/// </summary>
public sealed class RequestMediaType(RequestDelegate next)
{
    public const string Expected = "Send the body as JSON with Content-Type: application/json (UTF-8, the only charset JSON allows).";

    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is not null && CanHaveBody(context) && EndpointBody.IsRead(context))
        {
            // The framework's reader throws on a quoted or differently spelled UTF-8 too, so
            // a charset that passes is handed on in the one spelling it reads.
            context.Request.ContentType = Readable(contentType)
                ?? throw new BadHttpRequestException("Unsupported Content-Type.", StatusCodes.Status415UnsupportedMediaType);
        }

        return next(context);
    }

    private static bool CanHaveBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? context.Request.ContentLength > 0;

    private static string? Readable(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        // A charset parameter with no value is as unreadable as an unknown one.
        var charset = media.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));
        if (charset is null)
        {
            return contentType;
        }

        var name = HeaderUtilities.RemoveQuotes(charset.Value);
        if (!name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        media.Charset = "utf-8";
        return media.ToString();
    }
}
