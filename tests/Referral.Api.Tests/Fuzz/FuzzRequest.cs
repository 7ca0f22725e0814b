using System.Net.Http.Headers;
using System.Text;

namespace Referral.Api.Tests.Fuzz;

/// <summary>A header to send, and how to show it in a report when its value is a secret.</summary>
public sealed record FuzzHeader(string Name, string Value, string? Shown = null);

/// <summary>A request as plain data: sent as it is, and described in full when its answer breaks a rule.</summary>
public sealed record FuzzRequest(
    string Method,
    string Url,
    IReadOnlyList<FuzzHeader> Headers,
    string? ContentType,
    byte[]? Body,
    bool Chunked,
    string Sender)
{
    private const int Shown = 600;

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        foreach (var header in Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        if (Body is not null)
        {
            message.Content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body);
            message.Headers.TransferEncodingChunked = Chunked;
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    /// <summary>Everything needed to send it again by hand, except an issued API key (its role is named instead).</summary>
    public string Describe()
    {
        var text = new StringBuilder($"{Method} {Shorten(Url)}\n  sent by: {Sender}\n");
        foreach (var header in Headers)
        {
            text.Append($"  {header.Name}: {header.Shown ?? Shorten(header.Value)}\n");
        }

        if (Body is not null)
        {
            text.Append(Chunked ? "  Transfer-Encoding: chunked\n" : string.Empty);
            text.Append($"  Content-Type: {ContentType ?? "(none)"}\n  body ({Body.Length} bytes): {Shorten(Encoding.UTF8.GetString(Body))}\n");
        }

        return text.ToString();
    }

    public static string Shorten(string text) =>
        text.Length <= Shown ? Visible(text) : $"{Visible(text[..Shown])}... ({text.Length - Shown} more chars)";

    // Control characters would otherwise vanish from, or garble, a test report.
    private static string Visible(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
