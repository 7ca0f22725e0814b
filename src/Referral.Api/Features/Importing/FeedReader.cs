using System.Globalization;
using System.Text.Json;

namespace Referral.Api.Features.Importing;

/// <summary>One page of a feed: its service records, parsed within the limits.</summary>
public sealed record FeedPage(int Number, IReadOnlyList<JsonElement> Records);

/// <summary>
/// Reads an ORUK feed page by page: from a base URL (GET /services?page=&amp;per_page=&amp;full=true,
/// following every page; a record given without its details is read from /services/{id}), or
/// from a file or a folder of files (each a page envelope, a list of services or one service).
/// Every read is bounded: bytes, nesting, pages, records and time, each as ImportOptions says.
/// </summary>
public sealed class FeedReader(ImportOptions options, FeedAddress addresses)
{
    public static bool IsUrl(string source) => source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || source.Contains("://", StringComparison.Ordinal);

    /// <summary>The feed's name in provenance: the URL without a trailing slash, or the file's full path.</summary>
    public static string FeedName(string source) => IsUrl(source) ? source.TrimEnd('/') : Path.GetFullPath(source);

    public IAsyncEnumerable<FeedPage> ReadAsync(string source, CancellationToken cancellationToken) =>
        IsUrl(source) ? FromUrlAsync(source.TrimEnd('/'), cancellationToken) : FromFilesAsync(source, cancellationToken);

    private async IAsyncEnumerable<FeedPage> FromUrlAsync(string baseUrl, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (addresses.Refusal(baseUrl) is { } refusal)
        {
            throw new FeedException(refusal);
        }

        using var client = addresses.Client();
        var records = 0;
        for (var page = 1; ; page++)
        {
            if (page > options.MaxPages)
            {
                throw new FeedException($"The feed has more than {options.MaxPages} pages (Import:MaxPages): the import stopped there.");
            }

            var url = string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/services?page={page}&per_page={options.PerPage}&full=true");
            using var document = await GetAsync(client, url, cancellationToken);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("contents", out var contents) || contents.ValueKind != JsonValueKind.Array)
            {
                throw new FeedException($"Page {page} is not an ORUK page: it has no 'contents' list.");
            }

            var items = new List<JsonElement>();
            foreach (var item in contents.EnumerateArray())
            {
                if (++records > options.MaxRecords)
                {
                    throw new FeedException($"The feed has more than {options.MaxRecords} services (Import:MaxRecords): the import stopped there.");
                }

                // A feed that ignores full=true gives summaries: the details are at /services/{id}.
                if (item.ValueKind == JsonValueKind.Object && !item.TryGetProperty("organization", out _)
                    && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var guid))
                {
                    using var full = await GetAsync(client, $"{baseUrl}/services/{guid}", cancellationToken);
                    items.Add(full.RootElement.Clone());
                }
                else
                {
                    items.Add(item.Clone());
                }
            }

            yield return new FeedPage(page, items);
            var last = root.TryGetProperty("last_page", out var l) && l.ValueKind == JsonValueKind.True;
            var pages = root.TryGetProperty("total_pages", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var n) ? n : (int?)null;
            if (items.Count == 0 || last || (pages is { } total && page >= total))
            {
                yield break;
            }
        }
    }

    private async Task<JsonDocument> GetAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedException($"The feed answered {(int)response.StatusCode} to {PathOf(url)}.");
            }

            if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
            {
                throw new FeedException(TooLarge(url));
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return Parse(await ReadBoundedAsync(body, url, timeout.Token), PathOf(url));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedException($"The feed took longer than {options.RequestTimeout.TotalSeconds:0} seconds (Import:RequestTimeout) to answer {PathOf(url)}.");
        }
        catch (HttpRequestException e)
        {
            // The connect guard's refusal arrives wrapped; any other failure is said as the framework says it.
            var inner = e.InnerException as FeedException ?? e.InnerException?.InnerException as FeedException;
            throw inner ?? new FeedException($"The feed could not be reached: {e.Message}");
        }
    }

    private async IAsyncEnumerable<FeedPage> FromFilesAsync(string source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[] files;
        if (Directory.Exists(source))
        {
            files = Directory.GetFiles(source, "*.json").Order(StringComparer.Ordinal).ToArray();
        }
        else if (File.Exists(source))
        {
            files = [source];
        }
        else
        {
            throw new FeedException($"No file or folder at '{source}'.");
        }

        if (files.Length > options.MaxPages)
        {
            throw new FeedException($"The folder has more than {options.MaxPages} files (Import:MaxPages).");
        }

        var records = 0;
        for (var i = 0; i < files.Length; i++)
        {
            if (new FileInfo(files[i]).Length > options.MaxResponseBytes)
            {
                throw new FeedException(TooLarge(Path.GetFileName(files[i])));
            }

            await using var stream = File.OpenRead(files[i]);
            using var document = Parse(await ReadBoundedAsync(stream, files[i], cancellationToken), Path.GetFileName(files[i]));
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList()
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array ? contents.EnumerateArray().ToList()
                : [root];
            records += items.Count;
            if (records > options.MaxRecords)
            {
                throw new FeedException($"The files hold more than {options.MaxRecords} services (Import:MaxRecords).");
            }

            yield return new FeedPage(i + 1, items.Select(e => e.Clone()).ToList());
        }
    }

    private async Task<byte[]> ReadBoundedAsync(Stream body, string where, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxResponseBytes)
            {
                throw new FeedException(TooLarge(where));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private JsonDocument Parse(byte[] json, string where)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException e)
        {
            // The parser's message names a position and a limit, never the content.
            throw new FeedException($"{where} is not JSON the importer reads (at most {options.MaxDepth} levels deep): {e.Message}");
        }
    }

    private string TooLarge(string where) => $"{PathOf(where)} is larger than {options.MaxResponseBytes} bytes (Import:MaxResponseBytes).";

    private static string PathOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal) ? uri.PathAndQuery : url;
}
