using Referral.Api.Tests.Fuzz;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Platform.Limits;

/// <summary>
/// The contract's defaults are the applied ones: every property with a default in a creatable
/// resource's request schema, left out of the contract's example, comes back as that default;
/// every query parameter with a default that the listing echoes comes back as it. Read from the
/// served contract, so a new default is checked without a change here.
/// </summary>
public sealed class DeclaredDefaultTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_body_default_in_the_contract_is_the_one_applied()
    {
        var document = JsonNode.Parse(await api.CreateUncheckedClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = new SchemaFacts(document);
        var checkedDefaults = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var schema = item!["post"]?["requestBody"]?["content"]?["application/json"]?["schema"];
            if (path.Contains('{', StringComparison.Ordinal) || schemas.Example(schema) is not JsonObject example)
            {
                continue;
            }

            var client = await ClientFor(path);
            foreach (var (name, property) in schemas.Properties(schema))
            {
                if (schemas.Effective(property)?["default"] is not { } declared)
                {
                    continue;
                }

                var body = example.DeepClone().AsObject();
                body.Remove(name);
                var response = await client.PostAsJsonAsync(path, body);
                var created = await response.ReadObject(HttpStatusCode.Created);
                Assert.True(JsonNode.DeepEquals(declared, created[name]), $"POST {path} without {name}: the contract's default is {declared.ToJsonString()}, the API applied {created[name]?.ToJsonString()}");
                // Erased again, so the next case can reuse the example's unique fields (patientRef).
                await client.DeleteAsync(response.Headers.Location);
                checkedDefaults++;
            }
        }

        Assert.True(checkedDefaults >= 4, $"Only {checkedDefaults} body defaults found in the contract.");
    }

    [Fact]
    public async Task Every_echoed_query_default_in_the_contract_is_the_one_applied()
    {
        var document = JsonNode.Parse(await api.CreateUncheckedClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = new SchemaFacts(document);
        var checkedDefaults = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not { } operation || path.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            var page = await (await (await ClientFor(path)).GetAsync(path)).ReadObject<JsonNode>();
            foreach (var parameter in (operation["parameters"] as JsonArray ?? []).Select(p => schemas.Resolve(p)!))
            {
                var name = parameter["name"]!.GetValue<string>();
                if (parameter["schema"]?["default"] is { } declared && page is JsonObject echoed && echoed[name] is { } applied)
                {
                    Assert.True(JsonNode.DeepEquals(declared, applied), $"GET {path}: the contract's default {name} is {declared.ToJsonString()}, the API applied {applied.ToJsonString()}");
                    checkedDefaults++;
                }
            }
        }

        Assert.True(checkedDefaults >= 3, $"Only {checkedDefaults} echoed query defaults found in the contract.");
    }

    private async Task<HttpClient> ClientFor(string path) =>
        path.StartsWith("/v1/services", StringComparison.Ordinal) ? api.Admin() : await api.PracticeAsync(ApiFactory.PracticeA);
}
