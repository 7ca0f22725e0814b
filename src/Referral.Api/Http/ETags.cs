using Microsoft.Net.Http.Headers;

namespace Referral.Api.Http;

/// <summary>Strong ETags derived from a resource's version number.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>
    /// The version an If-Match requires: null for no header or "*" (an unconditional write);
    /// -1 for one that names no version of ours, which can never match.
    /// </summary>
    public static int? ExpectedVersionOf(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList([ifMatch], out var tags) || tags.Count == 0)
        {
            return -1;
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        // Strong comparison (RFC 9110): a weak tag never matches.
        var strong = tags.Where(t => !t.IsWeak).Select(t => int.TryParse(t.Tag.AsSpan().Trim('"'), out var v) ? v : -1).ToList();
        return strong.Count == 1 ? strong[0] : -1;
    }
}
