using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Referral.Api.Tests.Infrastructure.Contract;

/// <summary>
/// The contract's schemas, compiled by JsonSchema.Net. OpenAPI 3.1 schemas are JSON Schema
/// 2020-12, so the components go into one registered document whose $defs the response schemas
/// reference by absolute URI: a $ref to #/components/schemas/X becomes components#/$defs/X.
/// </summary>
public sealed class ResponseSchemas
{
    private const string ComponentsUri = "https://contract.referral.invalid/components";
    private const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly ConcurrentDictionary<string, JsonSchema> _compiled = new();
    private readonly EvaluationOptions _evaluation = new() { OutputFormat = OutputFormat.List };
    private int _next;

    public ResponseSchemas(JsonObject document)
    {
        var components = new JsonObject
        {
            ["$schema"] = Dialect,
            ["$id"] = ComponentsUri,
            ["$defs"] = Rewrite(document["components"]?["schemas"]?.DeepClone() ?? new JsonObject()),
        };
        JsonSchema.FromText(components.ToJsonString(), _build);
    }

    /// <summary>Schema errors of a body, as "location: message" lines; empty when it is valid.</summary>
    public IReadOnlyList<string> Check(JsonNode schema, JsonElement body)
    {
        var text = schema.ToJsonString();
        var compiled = _compiled.GetOrAdd(text, _ => Compile(schema));
        var results = compiled.Evaluate(body, _evaluation);
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Prepend(results)
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(e => $"{(r.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value} ({e.Key} at {r.EvaluationPath})"))
            .Distinct()
            .ToList();
    }

    private JsonSchema Compile(JsonNode schema)
    {
        // Each compiled schema needs its own base URI in the registry.
        var root = Rewrite(schema.DeepClone()) as JsonObject ?? new JsonObject();
        root["$schema"] = Dialect;
        root["$id"] = $"{ComponentsUri}/response/{Interlocked.Increment(ref _next)}";
        return JsonSchema.FromText(root.ToJsonString(), _build);
    }

    private static JsonNode Rewrite(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        obj[key] = ComponentsUri + "#/$defs/" + reference["#/components/schemas/".Length..];
                    }
                    else if (value is not null)
                    {
                        Rewrite(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    Rewrite(item);
                }

                break;
        }

        return node;
    }
}
