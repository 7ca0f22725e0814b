using System.Buffers.Binary;
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

    /// <summary>
    /// The JSON as it was returned, whichever way it is held. Throws InvalidDataException,
    /// naming only the set, when the stored bytes do not decode to a whole document.
    /// </summary>
    public static byte[] Decode(RecommendationSetRecord set)
    {
        if (set.ContentEncoding == Identity)
        {
            return set.Document;
        }

        byte[] json;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(set.Document), CompressionMode.Decompress);
            var buffer = new MemoryStream(set.Document.Length * 8);
            gzip.CopyTo(buffer);
            json = buffer.ToArray();
        }
        catch (InvalidDataException exception)
        {
            throw Damaged(set, exception);
        }

        // zlib checks the gzip trailer (CRC-32 and length, RFC 1952) only when it reaches it: a
        // row cut short decodes quietly to part of the JSON. The trailer's length must match.
        if (set.Document.Length < 18 || BinaryPrimitives.ReadUInt32LittleEndian(set.Document.AsSpan(^4)) != (uint)json.Length)
        {
            throw Damaged(set, null);
        }

        return json;
    }

    private static InvalidDataException Damaged(RecommendationSetRecord set, Exception? cause) =>
        new($"Recommendation set {set.Id} is damaged: its stored bytes do not decode to a whole document.", cause);
}
