using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Referral.Api.Tests.Infrastructure.Contract;

/// <summary>
/// The contract as the API serves it (/openapi/v1.json, which OpenApiContractTests proves equal
/// to the committed openapi.yaml), compiled once per distinct document rather than once per
/// factory: every factory serves the same one, and compiling the schemas is the slow part.
/// </summary>
public static class ContractCache
{
    public const string DocumentPath = "/openapi/v1.json";

    private static readonly ConcurrentDictionary<string, Lazy<ResponseContract>> ByText = new();

    public static async Task<ResponseContract> LoadAsync(HttpClient client)
    {
        var text = await client.GetStringAsync(DocumentPath);
        return ByText.GetOrAdd(text, t => new Lazy<ResponseContract>(() => new ResponseContract(JsonNode.Parse(t)!.AsObject()))).Value;
    }
}
