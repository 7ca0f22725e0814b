namespace Referral.Api.Tests.Fuzz;

/// <summary>The little of JSON Schema the fuzzer reads, with every $ref followed.</summary>
public sealed class SchemaFacts(JsonNode document)
{
    /// <summary>Follows $ref (ignoring siblings of a $ref, as OpenAPI 3.1 documents use them only for descriptions).</summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        var current = schema as JsonObject;
        for (var hops = 0; current?["$ref"] is JsonValue reference && hops < 32; hops++)
        {
            current = Pointer(reference.GetValue<string>()) as JsonObject;
        }

        return current;
    }

    /// <summary>The schema a value must match, looking through the oneOf [null, X] a nullable object is written as.</summary>
    public JsonObject? Effective(JsonNode? schema)
    {
        var resolved = Resolve(schema);
        if (resolved?["oneOf"] is JsonArray branches)
        {
            return branches.Select(Resolve).FirstOrDefault(b => b is not null && !(Types(b).Count == 1 && Types(b).Contains("null"))) ?? resolved;
        }

        return resolved;
    }

    /// <summary>The JSON types the schema allows ("null" included when it does).</summary>
    public IReadOnlySet<string> Types(JsonNode? schema)
    {
        var resolved = Resolve(schema);
        var types = new HashSet<string>();
        switch (resolved?["type"])
        {
            case JsonArray list:
                types.UnionWith(list.Select(t => t!.GetValue<string>()));
                break;
            case JsonValue single:
                types.Add(single.GetValue<string>());
                break;
        }

        if (resolved?["oneOf"] is JsonArray branches)
        {
            foreach (var branch in branches)
            {
                types.UnionWith(Types(branch));
            }
        }

        if (types.Count == 0 && resolved?["properties"] is not null)
        {
            types.Add("object");
        }

        return types;
    }

    public bool Allows(JsonNode? schema, string type) =>
        Types(schema) is var types && (types.Contains(type) || (type == "integer" && types.Contains("number")));

    public string? Format(JsonNode? schema) => Effective(schema)?["format"]?.GetValue<string>();

    public decimal? Minimum(JsonNode? schema) => Number(Effective(schema)?["minimum"]);

    public decimal? Maximum(JsonNode? schema) => Number(Effective(schema)?["maximum"]);

    public int? MaxLength(JsonNode? schema) => (int?)Number(Effective(schema)?["maxLength"]);

    public int? MinItems(JsonNode? schema) => (int?)Number(Effective(schema)?["minItems"]);

    public JsonObject Properties(JsonNode? schema) => Effective(schema)?["properties"] as JsonObject ?? [];

    public IReadOnlyList<string> Required(JsonNode? schema) =>
        Effective(schema)?["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];

    public JsonNode? Items(JsonNode? schema) => Effective(schema)?["items"];

    /// <summary>The schema's first example, when the contract gives one.</summary>
    public JsonNode? Example(JsonNode? schema)
    {
        var effective = Effective(schema);
        return (effective?["examples"] as JsonArray)?.FirstOrDefault() ?? effective?["example"];
    }

    private JsonNode? Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = document;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node;
    }

    private static decimal? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<decimal>(out var number) ? number : null;
}
