using System.Security.Cryptography;
using System.Text.Json;
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
    public static string For(DirectoryRevision revision, DirectoryQuery query)
    {
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { revision.Instance, revision.Generation, query }));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }
}
