namespace Referral.Api.Tests.Fuzz;

/// <summary>
/// The operations the API serves, read from its own OpenAPI document, so that a new endpoint is
/// fuzzed without any change to the tests.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private OpenApiContract(JsonNode document)
    {
        Schemas = new SchemaFacts(document);
        KeyHeader = document["components"]?["securitySchemes"]?.AsObject()
            .Select(s => s.Value)
            .FirstOrDefault(s => s?["type"]?.GetValue<string>() == "apiKey" && s["in"]?.GetValue<string>() == "header")?["name"]?.GetValue<string>()
            ?? throw new InvalidOperationException("The contract declares no API key header.");
        Operations = ReadOperations(document);
    }

    public SchemaFacts Schemas { get; }

    /// <summary>The header an API key is sent in.</summary>
    public string KeyHeader { get; }

    /// <summary>Every operation, in the order of the document (the fuzzer indexes into it).</summary>
    public IReadOnlyList<ContractOperation> Operations { get; }

    /// <summary>The document the API serves: the one the committed openapi.yaml is checked against.</summary>
    public static async Task<OpenApiContract> ReadAsync(HttpClient client) =>
        new(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!);

    private List<ContractOperation> ReadOperations(JsonNode document)
    {
        var operations = new List<ContractOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var methods = HttpMethods.Where(m => item![m] is not null).Select(m => m.ToUpperInvariant()).ToList();
            var shared = Parameters(item!["parameters"]);
            foreach (var method in methods)
            {
                var operation = item![method.ToLowerInvariant()]!;
                var parameters = shared.Concat(Parameters(operation["parameters"])).ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                operations.Add(new ContractOperation(method, path, parameters, body, methods));
            }
        }

        return operations;
    }

    private List<ContractParameter> Parameters(JsonNode? list) =>
        list?.AsArray()
            .Select(p => Schemas.Resolve(p)!)
            .Select(p => new ContractParameter(
                p["name"]!.GetValue<string>(),
                p["in"]!.GetValue<string>(),
                p["required"]?.GetValue<bool>() ?? false,
                p["schema"]))
            .ToList() ?? [];
}
