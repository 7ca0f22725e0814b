using System.Security.Cryptography;
using System.Text.Json;
using Referral.Data.Directory;

namespace Referral.Api.Features.Services;

/// <summary>
/// The validator of one directory listing: a hash of the directory's stamp, the query as the
/// repository runs it (after defaults, with near resolved to its point, so "LS1 4AP" and "LS1"
/// share it), and the build that shapes the answer. Any write to the directory changes it for
/// every query, so it can never name an answer that is out of date; it holds nothing about who
/// asked. Weak, as it stands for what the answer says rather than its exact bytes.
/// </summary>
public static class ListingETag
{
    // A new build may shape the same rows differently, so a tag from an older one never matches.
    private static readonly string Build = string.Join(
        '/',
        new[] { typeof(ListingETag), typeof(ServiceQuery), typeof(Referral.Domain.Directory.Service) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")));

    public static string For(DirectoryStamp stamp, ServiceQuery query)
    {
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { Build, stamp, query }));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }
}
