using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Oruk;

/// <summary>
/// The ORUK 3.0 JSON schemas (copied into Oruk/Schema with their licence), compiled by
/// JsonSchema.Net under the URIs they reference each other by, with formats (uuid, uri, email,
/// date-time) checked as well as types and required members.
/// </summary>
public static class OrukSchemas
{
    private const string Base = "https://openreferraluk.org/specifications/3.0/schema/";

    // Files that are not response schemas (the OpenAPI, the data packages, a definitions bundle).
    private static readonly string[] Skipped = ["open_api.json", "service_with_definitions.json", "service_package.json", "service_at_location_package.json", "organization_package.json"];

    private static readonly Lazy<Dictionary<string, JsonSchema>> Compiled = new(Compile);

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The errors of a body against a named schema ("service_list"), as "location: message" lines.</summary>
    public static IReadOnlyList<string> Check(string schema, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var document = JsonDocument.Parse(body.ToJsonString());
        var results = Compiled.Value[schema].Evaluate(document.RootElement, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Prepend(results)
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(e => $"{r.InstanceLocation}: {e.Value} ({e.Key} at {r.EvaluationPath})"))
            .Distinct()
            .ToList();
    }

    public static void AssertValid(string schema, JsonNode body, string what)
    {
        var errors = Check(schema, body);
        Assert.True(errors.Count == 0, $"{what} breaks the ORUK schema {schema}:\n  " + string.Join("\n  ", errors.Take(20)) + "\n" + Truncate(body.ToJsonString()));
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";

    // JSON Schema's own keywords; the ORUK files add annotations of their own (name, path,
    // constraints, example, core, datapackage_*), which the 2020-12 dialect refuses, and which say nothing a body must obey.
    private static readonly HashSet<string> Standard = new(StringComparer.Ordinal)
    {
        "$id", "$schema", "$ref", "type", "properties", "required", "items", "allOf", "anyOf", "oneOf", "not", "enum", "const",
        "format", "description", "title", "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
        "additionalProperties", "$defs", "definitions", "default",
    };

    private static JsonNode Inline(JsonNode node, Dictionary<string, JsonObject> schemas, int depth)
    {
        if (depth > 20)
        {
            throw new InvalidOperationException("The ORUK schemas refer to each other in a cycle.");
        }

        switch (node)
        {
            case JsonObject obj when obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } uri && uri.StartsWith(Base, StringComparison.Ordinal):
                var target = uri[Base.Length..^".json".Length];
                var replaced = Inline(schemas[target].DeepClone(), schemas, depth + 1).AsObject();
                foreach (var (key, value) in obj.ToList())
                {
                    if (key != "$ref" && !replaced.ContainsKey(key))
                    {
                        replaced[key] = value?.DeepClone();
                    }
                }

                return replaced;
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        obj[key] = Inline(value.DeepClone(), schemas, depth);
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        array[i] = Inline(item.DeepClone(), schemas, depth);
                    }
                }

                return array;
            default:
                return node;
        }
    }

    private static JsonObject Keywords(JsonObject schema)
    {
        foreach (var (key, value) in schema.ToList())
        {
            if (!Standard.Contains(key))
            {
                schema.Remove(key);
                continue;
            }

            switch (key)
            {
                case "properties" or "$defs" or "definitions" when value is JsonObject members:
                    foreach (var (_, member) in members)
                    {
                        if (member is JsonObject memberSchema)
                        {
                            Keywords(memberSchema);
                        }
                    }

                    break;
                case "items" or "additionalProperties" or "not" when value is JsonObject inner:
                    Keywords(inner);
                    break;
                case "allOf" or "anyOf" or "oneOf" when value is JsonArray all:
                    foreach (var inner in all.OfType<JsonObject>())
                    {
                        Keywords(inner);
                    }

                    break;
            }
        }

        return schema;
    }

    private static Dictionary<string, JsonSchema> Compile()
    {
        var folder = Repository.PathOf("tests/Referral.Api.Tests/Oruk/Schema");
        var texts = Directory.GetFiles(folder, "*.json")
            .Where(f => !Skipped.Contains(Path.GetFileName(f)))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Keywords(JsonNode.Parse(File.ReadAllText(f))!.AsObject()));

        // Each schema stands alone, its references to the others written in place (they form no
        // cycle), so no registry of URIs is involved.
        var compiled = new Dictionary<string, JsonSchema>();
        foreach (var (name, schema) in texts)
        {
            var inlined = Inline(schema.DeepClone(), texts, 0).AsObject();
            inlined["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            compiled[name] = JsonSchema.FromText(inlined.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }

        return compiled;
    }
}
