using System.Security.Cryptography;
using System.Text;

namespace Referral.Api.Features.Oruk;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5) for what the feed publishes but the directory keeps no
/// id for: an organisation, a service's location, a taxonomy term. The same name gives the same
/// id on every server and after every restart, so a consumer that stored an id finds it again.
/// </summary>
public static class StableIds
{
    // Our namespace, fixed for good: changing it would change every published id.
    private static readonly Guid Namespace = new("5b0f3c6e-2d1a-4e7b-9c58-0f4b1e2a7d90");

    public static Guid Of(string kind, string name)
    {
        var ns = Namespace.ToByteArray(bigEndian: true);
        var text = Encoding.UTF8.GetBytes(kind + ":" + name);
        var input = new byte[ns.Length + text.Length];
        ns.CopyTo(input, 0);
        text.CopyTo(input, ns.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 names for version 5 ids; it protects nothing here.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>An organisation is known by its name, trimmed and case-folded, so one spelt alike is one organisation.</summary>
    public static Guid Organisation(string name) => Of("organization", name.Trim().ToUpperInvariant());

    public static Guid Location(Guid serviceId) => Of("location", serviceId.ToString("D"));

    public static Guid ServiceAtLocation(Guid serviceId) => Of("service_at_location", serviceId.ToString("D"));

    public static Guid Taxonomy(string vocabulary) => Of("taxonomy", vocabulary);

    public static Guid Term(string vocabulary, string code) => Of("taxonomy_term", vocabulary + "/" + code);

    /// <summary>An item of a service's list (a schedule slot, a language), for the parts ORUK gives an id of their own.</summary>
    public static Guid Part(Guid serviceId, string part) => Of("part", serviceId.ToString("D") + "/" + part);
}
