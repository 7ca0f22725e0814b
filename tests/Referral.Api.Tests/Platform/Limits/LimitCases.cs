using System.Globalization;
using System.Text.RegularExpressions;
using Referral.Api.Tests.Fuzz;

namespace Referral.Api.Tests.Platform.Limits;

/// <summary>
/// Every limit the served contract declares on a request body property or a query parameter
/// (maxLength, minItems, maxItems, minimum, maximum, pattern), read from the document rather
/// than listed by hand: a field that gains a limit is tested the day it does. Bodies start from
/// the contract's own example of the request schema, so a case changes one field only.
/// </summary>
public static class LimitCases
{
    private static readonly string[] Methods = ["get", "post", "put"];

    public static IEnumerable<LimitCase> From(JsonNode document)
    {
        var schemas = new SchemaFacts(document);
        // The FHIR facade answers a broken limit with an OperationOutcome, not a problem with
        // errors per field: FhirSearchTests hold its parameters to their patterns and bounds.
        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => !p.Key.StartsWith("/fhir/", StringComparison.Ordinal)))
        {
            foreach (var method in Methods.Where(m => item![m] is not null))
            {
                var operation = item![method]!;
                var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                if (schemas.Example(bodySchema) is JsonObject example)
                {
                    var name = bodySchema!["$ref"]?.GetValue<string>().Split('/')[^1];
                    foreach (var found in BodyLimits(schemas, bodySchema, example, []))
                    {
                        yield return new LimitCase(method.ToUpperInvariant(), path, name, example, LimitPlace.Body, found.Field, found.Keyword, found.At, found.Past, found.Message);
                    }
                }

                foreach (var parameter in (operation["parameters"] as JsonArray ?? []).Select(p => schemas.Resolve(p)!))
                {
                    if (parameter["in"]?.GetValue<string>() != "query")
                    {
                        continue;
                    }

                    foreach (var found in Limits(schemas, parameter["schema"], null, [parameter["name"]!.GetValue<string>()]))
                    {
                        yield return new LimitCase(method.ToUpperInvariant(), path, null, null, LimitPlace.Query, found.Field, found.Keyword, found.At, found.Past, found.Message);
                    }
                }
            }
        }
    }

    /// <summary>The limits of an object's properties, going into the nested objects its example has.</summary>
    private static IEnumerable<Found> BodyLimits(SchemaFacts schemas, JsonNode? schema, JsonObject example, IReadOnlyList<string> path)
    {
        foreach (var (name, property) in schemas.Properties(schema))
        {
            // Read-only fields are ignored when sent: they have no limits to enforce.
            if (schemas.Effective(property)?["readOnly"]?.GetValue<bool>() == true || property?["readOnly"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var field = path.Append(name).ToList();
            var value = example[name];
            var found = value is JsonObject nested
                ? BodyLimits(schemas, property, nested, field)
                : Limits(schemas, property, value, field);
            foreach (var limit in found)
            {
                yield return limit;
            }
        }
    }

    private static IEnumerable<Found> Limits(SchemaFacts schemas, JsonNode? schema, JsonNode? example, List<string> field)
    {
        var facts = schemas.Effective(schema);
        if (facts is null)
        {
            yield break;
        }

        var text = example is JsonValue v && v.TryGetValue<string>(out var s) ? s : "a";
        if (facts["maxLength"] is JsonValue maxLength)
        {
            var n = maxLength.GetValue<int>();
            yield return new(field, "maxLength", Text(text, n), Text(text, n + 1), $"at most {n}");
        }

        if (facts["pattern"] is JsonValue pattern && !Regex.IsMatch(text + "!", pattern.GetValue<string>()))
        {
            yield return new(field, "pattern", null, text + "!", null);
        }

        var item = (example as JsonArray)?.FirstOrDefault() ?? ItemFor(schemas, facts["items"]);
        if (facts["maxItems"] is JsonValue maxItems)
        {
            var n = maxItems.GetValue<int>();
            yield return new(field, "maxItems", Items(item, n), Items(item, n + 1), $"at most {n}");
        }

        if (facts["minItems"] is JsonValue minItems && minItems.GetValue<int>() > 0)
        {
            var n = minItems.GetValue<int>();
            yield return new(field, "minItems", Items(item, n), Items(item, n - 1), $"at least {n}");
        }

        if (facts["minimum"] is JsonValue minimum && facts["maximum"] is JsonValue maximum)
        {
            var range = $"between {Number(minimum)} and {Number(maximum)}";
            yield return new(field, "minimum", minimum.DeepClone(), JsonValue.Create(minimum.GetValue<decimal>() - 1), range);
            yield return new(field, "maximum", maximum.DeepClone(), JsonValue.Create(maximum.GetValue<decimal>() + 1), range);
        }
    }

    private static JsonNode? ItemFor(SchemaFacts schemas, JsonNode? items) =>
        schemas.Effective(items)?["minimum"] is JsonValue minimum ? minimum.DeepClone()
        : schemas.Types(items).Contains("integer") ? JsonValue.Create(1)
        : JsonValue.Create("a");

    private static JsonValue Text(string start, int length) =>
        JsonValue.Create(start.Length >= length ? start[..length] : start + new string('a', length - start.Length));

    private static JsonArray Items(JsonNode? item, int count) => new(Enumerable.Range(0, count).Select(_ => item?.DeepClone()).ToArray());

    private static string Number(JsonValue value) => value.GetValue<decimal>().ToString("G29", CultureInfo.InvariantCulture);

    private sealed record Found(List<string> Field, string Keyword, JsonNode? At, JsonNode? Past, string? Message);
}
