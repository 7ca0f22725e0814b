using System.Globalization;

namespace Referral.Api.Tests.Fuzz;

/// <summary>
/// A value the contract says is valid: the schema's own example when it has one, otherwise the
/// simplest value its type and bounds allow. Ids point at real rows and dates are today's, since
/// an example written once would otherwise name rows that do not exist and, in time, dates that
/// are out of range.
/// </summary>
public sealed class ValidValues(SchemaFacts schemas, FuzzResources resources)
{
    public JsonNode? For(JsonNode? schema, string? name)
    {
        var effective = schemas.Effective(schema);
        if (schemas.Example(effective) is { } example)
        {
            return Refresh(example.DeepClone(), effective, name);
        }

        var types = schemas.Types(effective);
        if (types.Contains("object"))
        {
            var body = new JsonObject();
            foreach (var (property, propertySchema) in schemas.Properties(effective))
            {
                body[property] = For(propertySchema, property);
            }

            return body;
        }

        if (types.Contains("array"))
        {
            var items = new JsonArray();
            for (var i = 0; i < (schemas.MinItems(effective) ?? 0); i++)
            {
                items.Add(For(schemas.Items(effective), name));
            }

            return items;
        }

        if (types.Contains("string"))
        {
            return String(effective, name);
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return Number(effective);
        }

        return types.Contains("boolean") ? false : null;
    }

    /// <summary>The same, as the text of a query or header parameter.</summary>
    public string ForParameter(ContractParameter parameter, string pathTemplate)
    {
        if (parameter.InPath)
        {
            return resources.ForPathParameter(pathTemplate, parameter.Name);
        }

        return For(parameter.Schema, parameter.Name) switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            { } node => node.ToJsonString(),
            null => string.Empty,
        };
    }

    private JsonNode String(JsonNode? schema, string? name) => schemas.Format(schema) switch
    {
        "uuid" => resources.ForField(name),
        // Now, not a minute ago: an event may not be dated before the referral's previous one.
        "date-time" => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        "date" => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // A fresh value, since some strings (an Idempotency-Key, a patient reference) must be new.
        _ => "fuzz-" + Guid.NewGuid().ToString("N")[..8],
    };

    private JsonNode Number(JsonNode? schema)
    {
        var value = schemas.Minimum(schema) ?? Math.Min(1, schemas.Maximum(schema) ?? 1);
        return schemas.Allows(schema, "number") && !schemas.Types(schema).Contains("integer") ? (double)value : (int)value;
    }

    private JsonNode? Refresh(JsonNode? node, JsonNode? schema, string? name)
    {
        switch (node)
        {
            case JsonObject body:
                var properties = schemas.Properties(schema);
                foreach (var property in body.Select(p => p.Key).ToList())
                {
                    body[property] = Refresh(body[property]?.DeepClone(), properties[property], property);
                }

                return body;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    items[i] = Refresh(items[i]?.DeepClone(), schemas.Items(schema), name);
                }

                return items;
            case JsonValue value when value.TryGetValue<string>(out _) && schemas.Format(schema) is "uuid" or "date" or "date-time":
                return String(schema, name);
            default:
                return node;
        }
    }
}
