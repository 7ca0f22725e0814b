using System.IO.Compression;

namespace Referral.Data.Recommendations;

/// <summary>
/// How a set's JSON is held at rest. gzip, because a set is about 24 KB of JSON whose factor
/// names and reasons repeat, so it shrinks about sevenfold, and the smaller write is what makes
/// a recommendation fast; and because gzip is an HTTP content coding, clients that accept it
/// can be sent the stored bytes as they are.
/// </summary>
public static class StoredDocument
{
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    public static byte[] Compress(ReadOnlySpan<byte> json)
    {
        var buffer = new MemoryStream(json.Length / 4);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return buffer.ToArray();
    }

    /// <summary>The JSON as it was returned, whichever way it is held.</summary>
    public static byte[] Decode(RecommendationSetRecord set)
    {
        if (set.ContentEncoding == Identity)
        {
            return set.Document;
        }

        using var gzip = new GZipStream(new MemoryStream(set.Document), CompressionMode.Decompress);
        var json = new MemoryStream(set.Document.Length * 8);
        gzip.CopyTo(json);
        return json.ToArray();
    }
}
