using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Referral.Api.Tests.Fuzz;

/// <summary>
/// Turns a valid body into the bytes of a broken one. A mutation picks one place in the body
/// (a property, an array item or the whole body) that it applies to and changes only that.
/// </summary>
public sealed class BodyMutator(SchemaFacts schemas)
{
    // Stands in for a raw value until the body is text; no contract value looks like it.
    private const string Splice = "@@fuzz-splice@@";

    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Location(JsonNode? Node, JsonNode? Parent, string? Property, int Index, JsonNode? Schema, JsonNode? ParentSchema);

    /// <summary>The body to send, or null for none.</summary>
    public byte[]? Apply(BodyVariant variant, JsonNode? valid, JsonNode? schema, int target, int pick)
    {
        var body = valid?.DeepClone();
        var locations = Locations(body, schema, null, null, -1, null).ToList();
        return variant switch
        {
            BodyVariant.Valid => Encode(body),
            BodyVariant.Missing => null,
            BodyVariant.RawText => Encoding.UTF8.GetBytes(MutationValues.Pick(MutationValues.RawBodies, pick)),
            // Whitespace is valid JSON, so only the size is wrong.
            BodyVariant.OverLimit => Encode(body).Concat(Enumerable.Repeat((byte)' ', MutationValues.OverLimit)).ToArray(),
            BodyVariant.WrongType => Replace(body, Choose(locations, target, _ => true), l => MutationValues.WrongType(pick, t => schemas.Allows(l.Schema, t))),
            BodyVariant.Null => Replace(body, Choose(locations, target, l => l.Parent is not null && !schemas.Allows(l.Schema, "null")), _ => "null"),
            BodyVariant.MissingRequired => Remove(body, Choose(locations, target, l => l.Parent is JsonObject && schemas.Required(l.ParentSchema).Contains(l.Property!))),
            BodyVariant.UnknownField => AddUnknown(body, Choose(locations, target, l => l.Node is JsonObject), pick),
            BodyVariant.AtBound => Replace(body, Choose(locations, target, Bounded), l => MutationValues.Pick(AtBounds(l), pick)),
            BodyVariant.PastBound => Replace(body, Choose(locations, target, Bounded), l => MutationValues.Pick(PastBounds(l), pick)),
            BodyVariant.LongString => Replace(body, Choose(locations, target, Stringy), l => MutationValues.LongString(pick, schemas.MaxLength(l.Schema))),
            BodyVariant.OddString => Replace(body, Choose(locations, target, Stringy), _ => MutationValues.OddString(pick)),
            BodyVariant.InvalidUtf8 => SpliceBytes(body, Choose(locations, target, Stringy), MutationValues.Pick(MutationValues.InvalidUtf8, pick)),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
        };
    }

    private IEnumerable<Location> Locations(JsonNode? node, JsonNode? schema, JsonNode? parent, string? property, int index, JsonNode? parentSchema)
    {
        yield return new Location(node, parent, property, index, schema, parentSchema);
        switch (node)
        {
            case JsonObject body:
                var properties = schemas.Properties(schema);
                foreach (var (name, child) in body)
                {
                    foreach (var inner in Locations(child, properties[name], body, name, -1, schema))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    foreach (var inner in Locations(items[i], schemas.Items(schema), items, null, i, schema))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>One of the places the mutation makes sense at; the whole body when there is none.</summary>
    private static Location Choose(List<Location> locations, int target, Func<Location, bool> fits)
    {
        var fitting = locations.Where(fits).ToList();
        return MutationValues.Pick(fitting.Count > 0 ? fitting : locations, target);
    }

    private bool Stringy(Location at) => at.Node is JsonValue value ? value.GetValueKind() == JsonValueKind.String : schemas.Allows(at.Schema, "string");

    private bool Bounded(Location at) =>
        schemas.Minimum(at.Schema) is not null || schemas.Maximum(at.Schema) is not null
        || schemas.MaxLength(at.Schema) is not null || schemas.MinItems(at.Schema) is not null;

    private List<string> AtBounds(Location at)
    {
        var values = new List<string>();
        values.AddRange(new[] { schemas.Minimum(at.Schema), schemas.Maximum(at.Schema) }.OfType<decimal>().Select(MutationValues.Invariant));
        if (schemas.MaxLength(at.Schema) is { } max)
        {
            values.Add(MutationValues.Json(new string('x', max)));
            values.Add(MutationValues.Json(string.Concat(Enumerable.Repeat("é", max))));
        }

        return values.Count > 0 ? values : ["0"];
    }

    private List<string> PastBounds(Location at)
    {
        var values = new List<string>();
        if (schemas.Minimum(at.Schema) is { } min)
        {
            values.AddRange([MutationValues.Invariant(min - 1), MutationValues.Invariant(min - 0.5m)]);
        }

        if (schemas.Maximum(at.Schema) is { } max)
        {
            values.AddRange([MutationValues.Invariant(max + 1), MutationValues.Invariant(max + 0.5m)]);
        }

        if (values.Count > 0)
        {
            values.AddRange(MutationValues.Numbers);
        }

        if (schemas.MaxLength(at.Schema) is { } length)
        {
            values.Add(MutationValues.Json(new string('x', length + 1)));
        }

        if (schemas.MinItems(at.Schema) is > 0)
        {
            values.Add("[]");
        }

        return values.Count > 0 ? values : ["-1"];
    }

    private static byte[] Replace(JsonNode? body, Location at, Func<Location, string> raw)
    {
        var value = raw(at);
        if (at.Parent is null)
        {
            return Encoding.UTF8.GetBytes(value);
        }

        Put(at, JsonValue.Create(Splice));
        return Encoding.UTF8.GetBytes(Text(body).Replace(Quoted(Splice), value, StringComparison.Ordinal));
    }

    private static byte[] Remove(JsonNode? body, Location at)
    {
        if (at.Parent is JsonObject parent)
        {
            parent.Remove(at.Property!);
        }
        else if (at.Parent is JsonArray items)
        {
            items.RemoveAt(at.Index);
        }
        else
        {
            body = new JsonObject();
        }

        return Encode(body);
    }

    private static byte[] AddUnknown(JsonNode? body, Location at, int pick)
    {
        if (at.Node is not JsonObject target)
        {
            return Encode(new JsonObject { ["fuzz"] = 1 });
        }

        // Besides made-up names: an existing name in other case, which a case-insensitive reader takes as a duplicate.
        var existing = target.Select(p => p.Key).FirstOrDefault();
        string[] names = ["fuzz", "$type", "__proto__", "", "$id", existing?.ToUpperInvariant() ?? "FUZZ"];
        var name = MutationValues.Pick(names, pick);
        if (!target.ContainsKey(name))
        {
            target[name] = existing is not null && name.Equals(existing, StringComparison.OrdinalIgnoreCase) && name != existing ? target[existing]?.DeepClone() : 1;
        }

        return Encode(body);
    }

    private static byte[] SpliceBytes(JsonNode? body, Location at, byte[] invalid)
    {
        if (at.Parent is null)
        {
            return [(byte)'"', .. invalid, (byte)'"'];
        }

        Put(at, JsonValue.Create(Splice));
        var parts = Text(body).Split(Splice);
        return [.. Encoding.UTF8.GetBytes(parts[0]), .. invalid, .. Encoding.UTF8.GetBytes(parts[1])];
    }

    private static void Put(Location at, JsonNode? value)
    {
        if (at.Parent is JsonObject parent)
        {
            parent[at.Property!] = value;
        }
        else if (at.Parent is JsonArray items)
        {
            items[at.Index] = value;
        }
    }

    private static byte[] Encode(JsonNode? body) => Encoding.UTF8.GetBytes(Text(body));

    private static string Text(JsonNode? body) => body?.ToJsonString(Writer) ?? "null";

    private static string Quoted(string text) => "\"" + text + "\"";
}
