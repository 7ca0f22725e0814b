using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referral.Api.Tests.Infrastructure.Contract;

/// <summary>
/// Checks one response against the contract: its status is declared for the operation the
/// request was for, its body is valid against the schema declared for that status and media
/// type, and the headers the contract says it carries are there.
/// </summary>
public sealed class ResponseContract(JsonObject document)
{
    // The documents describing the API are not part of it.
    private static readonly string[] Unchecked = ["/openapi/", "/swagger"];

    private readonly ContractOperations _operations = new(document);
    private readonly ResponseSchemas _schemas = new(document);
    private readonly JsonNode _problem = JsonNode.Parse("""{"$ref": "#/components/schemas/ProblemDetails"}""")!;
    private readonly JsonNode _outcome = JsonNode.Parse("""{"$ref": "#/components/schemas/FhirOperationOutcome"}""")!;

    /// <summary>What is wrong with the response, or null when the contract describes it.</summary>
    public async Task<string?> ViolationAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (Unchecked.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var status = (int)response.StatusCode;
        var candidates = _operations.ForPath(path);
        var operation = candidates.FirstOrDefault(o => o.Method == request.Method.Method);
        if (operation is null)
        {
            // No such resource or method: the framework's 404 or 405, which still must be a problem.
            var where = $"{request.Method} {path} (no operation in the contract)";
            if (status is not (404 or 405))
            {
                return $"{where} answered {status}; only 404 or 405 can answer a request the contract has no operation for.";
            }

            // The FHIR facade answers in FHIR's terms: an OperationOutcome, as application/fhir+json.
            return path == "/fhir" || path.StartsWith("/fhir/", StringComparison.Ordinal)
                ? await BodyViolationAsync(where, status, response, "application/fhir+json", _outcome)
                : await BodyViolationAsync(where, status, response, "application/problem+json", _problem);
        }

        var declared = operation.ResponseFor(status);
        if (declared is null)
        {
            return $"{operation.Name} answered {status}, which the contract does not declare for it (declared: {string.Join(", ", operation.Responses.Select(r => r.Key))}).";
        }

        var missing = MissingHeaders(declared, response);
        if (missing.Count > 0)
        {
            return $"{operation.Name} answered {status} without the declared header(s) {string.Join(", ", missing)}.";
        }

        var content = declared["content"] as JsonObject;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (content is null || content.Count == 0)
        {
            var length = (await response.Content.ReadAsByteArrayAsync()).Length;
            return length == 0 ? null : $"{operation.Name} answered {status} with a {mediaType} body, but the contract declares no body for it.";
        }

        if (mediaType is null || content[mediaType] is not JsonObject media)
        {
            return $"{operation.Name} answered {status} as {mediaType ?? "(no Content-Type)"}; the contract declares {string.Join(", ", content.Select(c => c.Key))}.";
        }

        return media["schema"] is { } schema ? await BodyViolationAsync(operation.Name, status, response, mediaType, schema) : null;
    }

    private async Task<string?> BodyViolationAsync(string where, int status, HttpResponseMessage response, string mediaType, JsonNode schema)
    {
        var actual = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(actual, mediaType, StringComparison.OrdinalIgnoreCase))
        {
            return $"{where} answered {status} as {actual ?? "(no Content-Type)"}, not {mediaType}.";
        }

        if (!mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(await BodyAsync(response));
        }
        catch (JsonException e)
        {
            return $"{where} answered {status} with a body that is not JSON: {e.Message}";
        }

        using (body)
        {
            var errors = _schemas.Check(schema, body.RootElement);
            return errors.Count == 0
                ? null
                : $"{where} answered {status} with a body that breaks its declared schema {schema.ToJsonString()}:\n  "
                  + string.Join("\n  ", errors.Take(20)) + "\nBody: " + Truncate(body.RootElement.GetRawText());
        }
    }

    private static List<string> MissingHeaders(JsonObject declared, HttpResponseMessage response)
    {
        if (declared["headers"] is not JsonObject headers)
        {
            return [];
        }

        return headers
            .Where(h => h.Value?["required"]?.GetValue<bool>() == true)
            .Select(h => h.Key)
            .Where(name => !response.Headers.Contains(name) && !response.Content.Headers.Contains(name))
            .ToList();
    }

    // Stored recommendation sets come back gzip-encoded when asked; the in-memory server does not decompress.
    private static async Task<byte[]> BodyAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase))
        {
            return bytes;
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        return plain.ToArray();
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
