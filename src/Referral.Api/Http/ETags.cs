using Microsoft.Net.Http.Headers;

namespace Referral.Api.Http;

/// <summary>Strong ETags derived from a resource's version number.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>
    /// True when an If-Match header allows a write to the given version: no header (an
    /// unconditional write), "*", or a list naming the current ETag.
    /// </summary>
    public static bool Allows(string? ifMatch, int currentVersion)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList([ifMatch], out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(For(currentVersion));
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: true));
    }

    /// <summary>The version an If-Match names, when it names exactly one strong ETag of ours.</summary>
    public static int? ExpectedVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || !EntityTagHeaderValue.TryParseList([ifMatch], out var tags) || tags.Count != 1)
        {
            return null;
        }

        var tag = tags[0];
        return !tag.IsWeak && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version) ? version : null;
    }
}
