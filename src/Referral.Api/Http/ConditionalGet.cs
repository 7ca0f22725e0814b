using Microsoft.Net.Http.Headers;

namespace Referral.Api.Http;

/// <summary>
/// Conditional GET (RFC 9110 13.1.2) for the open directory, which other systems poll: a client
/// that sends back the ETag it holds is told 304 with no body while nothing it shows has changed.
/// </summary>
public static class ConditionalGet
{
    /// <summary>
    /// "no-cache" rather than a max-age: any cache may keep the directory (it is public and the
    /// same for everyone), but must ask again before each use. A service that closes or fills up
    /// must stop being offered at once, and a directory admin who has just written must read the
    /// write back, so freshness is never guessed; the revalidation costs one small query and an
    /// empty 304. Personal data keeps the API's default no-store (SecurityHeaders).
    /// </summary>
    public const string PublicDirectory = "public, no-cache";

    /// <summary>
    /// Whether If-None-Match names the current ETag: "*" names any current representation, and
    /// the comparison is weak, so W/"3" matches "3" (a proxy that compresses weakens tags). A
    /// header that does not parse matches nothing, and the full answer follows.
    /// </summary>
    public static bool NoneMatchFails(string? ifNoneMatch, string currentETag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch)
            || !EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags)
            || !EntityTagHeaderValue.TryParse(currentETag, out var current))
        {
            return false;
        }

        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>Marks a directory answer (its 200 or 304) with its validator and as publicly cacheable.</summary>
    public static void MarkPublic(HttpResponse response, string etag)
    {
        response.Headers.ETag = etag;
        response.Headers.CacheControl = PublicDirectory;
    }
}
