using System.Security.Cryptography;
using System.Text;

namespace Referral.Api.Security;

/// <summary>Makes and hashes API keys. A key is shown once, when it is made; only its hash is kept.</summary>
public static class ApiKeys
{
    public const string HeaderName = "X-API-Key";
    private const string Prefix = "rk_";

    public static string NewKey() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// SHA-256 is enough here: keys carry 256 random bits, so there is nothing to brute-force,
    /// and a fast hash keeps authentication off the request's critical path.
    /// </summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Enough of a key for an operator to tell keys apart, never enough to use one.</summary>
    public static string DisplayPrefix(string key) => key[..Math.Min(8, key.Length)];

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
