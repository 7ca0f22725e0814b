using Microsoft.Net.Http.Headers;

namespace Referral.Api.Http;

/// <summary>Content negotiation for endpoints that answer in several forms (JSON first, then others such as PDF, CSV or FHIR).</summary>
public static class AcceptedFormat
{
    /// <summary>
    /// The form to answer with: the first of formats (JSON) when Accept is absent or takes
    /// anything; the most preferred one Accept names otherwise; null when it takes none (406).
    /// </summary>
    public static string? Choose(HttpRequest request, IReadOnlyList<string> formats)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(formats);
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return formats[0];
        }

        foreach (var media in accepted.Where(m => m.Quality is not 0).OrderByDescending(m => m.Quality ?? 1))
        {
            var type = media.MediaType.Value ?? string.Empty;
            if (type is "*/*" or "application/*")
            {
                return formats[0];
            }

            if (formats.FirstOrDefault(f => f.Equals(type, StringComparison.OrdinalIgnoreCase)) is { } chosen)
            {
                return chosen;
            }
        }

        return null;
    }
}
