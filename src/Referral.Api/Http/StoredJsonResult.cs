using Microsoft.Net.Http.Headers;

namespace Referral.Api.Http;

/// <summary>
/// Writes JSON kept as bytes, never re-serialised, so what a client reads is exactly what was
/// stored. A client that accepts gzip is sent the stored gzip bytes as they are (a set shrinks
/// from about 24 KB to about 4 KB); any other client gets the decoded JSON.
/// </summary>
public sealed class StoredJsonResult(byte[] json, byte[]? gzip, int statusCode = StatusCodes.Status200OK)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => statusCode;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.Headers.Vary = HeaderNames.AcceptEncoding;

        var body = json;
        if (gzip is not null && AcceptsGzip(httpContext.Request))
        {
            body = gzip;
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    private static bool AcceptsGzip(HttpRequest request)
    {
        if (!request.Headers.ContainsKey(HeaderNames.AcceptEncoding))
        {
            return false;
        }

        // q=0 means "not acceptable" (RFC 9110, section 12.5.3), and a coding named outright
        // outranks "*": "gzip;q=0, *" refuses gzip.
        var codings = request.GetTypedHeaders().AcceptEncoding;
        var gzip = codings.FirstOrDefault(c => c.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            ?? codings.FirstOrDefault(c => c.Value == "*");
        return gzip is not null && gzip.Quality is not 0;
    }
}
