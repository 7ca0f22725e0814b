using System.Net;
using System.Net.Sockets;

namespace Referral.Api.Features.Importing;

/// <summary>
/// Which feeds may be read: http(s) only, from a host on Import:AllowedHosts, and never from a
/// private, loopback or link-local address unless that address itself is listed, whatever name
/// led to it (checked when connecting, so a name that resolves elsewhere later gains nothing).
/// The import endpoint thus cannot be used to probe the network it runs in.
/// </summary>
public sealed class FeedAddress(ImportOptions options)
{
    private readonly HashSet<string> _allowed = new(options.AllowedHosts.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);

    /// <summary>Why the URL may not be read, or null when it may.</summary>
    public string? Refusal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "The feed must be an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The feed URL must not carry credentials.";
        }

        return _allowed.Contains(uri.IdnHost) || _allowed.Contains(uri.Host)
            ? null
            : $"The host '{uri.Host}' is not on the allowlist (Import:AllowedHosts).";
    }

    /// <summary>Whether a connection may be made to this address.</summary>
    public bool MayConnect(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return !IsInternal(address) || _allowed.Contains(address.ToString()) || (address.IsIPv4MappedToIPv6 && _allowed.Contains(address.MapToIPv4().ToString()));
    }

    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10
                || b[0] == 0
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] is >= 64 and <= 127);
        }

        var bytes = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (bytes[0] & 0xFE) == 0xFC;
    }

    /// <summary>An HTTP client that connects only where <see cref="MayConnect"/> allows, follows no redirects and sends no cookies.</summary>
    public HttpClient Client()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.RequestTimeout,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
                    ? [literal]
                    : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                var allowed = addresses.Where(MayConnect).ToList();
                if (allowed.Count == 0)
                {
                    throw new FeedException($"The host '{context.DnsEndPoint.Host}' is a private, loopback or link-local address that is not on the allowlist.");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
