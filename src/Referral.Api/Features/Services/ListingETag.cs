using System.Security.Cryptography;
using System.Globalization;
using System.Text;
using Referral.Api.Search;

namespace Referral.Api.Features.Services;

/// <summary>
/// The validator of one directory listing: a hash of the search index's revision and the query
/// as the index runs it (after defaults, with near resolved to its point, so "LS1 4AP" and "LS1"
/// share it). Any write to the directory changes it for every query, and a restart (perhaps with
/// a new build that shapes answers differently) starts a new series, so it can never name an
/// answer that is out of date; it holds nothing about who asked. Weak, as it stands for what the
/// answer says rather than its exact bytes.
/// </summary>
public static class ListingETag
{
    /// <param name="revision">The index's state the answer was read from.</param>
    /// <param name="query">The search as the index runs it.</param>
    /// <param name="shape">What the answer is written as, when the same search can be (the ORUK feed's minimal, summary and full listings).</param>
    public static string For(DirectoryRevision revision, DirectoryQuery query, string shape = "v1")
    {
        ArgumentNullException.ThrowIfNull(query);
        // Every member of the query, each in a form that cannot run into the next (free text
        // is length-prefixed), so two different queries never hash the same input.
        var key = string.Create(CultureInfo.InvariantCulture, $"{revision.Instance}/{revision.Generation}/{query.Text?.Length ?? -1}:{query.Text}/{query.Condition}/{query.Community}/{query.Format}/{query.Language}/{query.Status}/{query.Near?.Latitude:R},{query.Near?.Longitude:R}/{query.RadiusKm:R}/{query.Page}/{query.PageSize}/{query.Organisation}/{query.ModifiedAfter?.UtcTicks}/{query.HasAny}/{shape}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }
}
