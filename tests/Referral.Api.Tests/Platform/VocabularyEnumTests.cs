using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Features.Referrals;
using Referral.Api.Features.Services;
using Referral.Api.OpenApi;
using Referral.Api.Tests.Infrastructure;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Tests.Platform;

/// <summary>
/// A coded field's allowed values are stated once ([Vocabulary] on the wire record) and must read
/// the same everywhere: the contract's enum, GET /v1/vocabularies and the validators' TermSet.
/// </summary>
public sealed class VocabularyEnumTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Query records are parameters, not schemas: the operation that reads each one.</summary>
    private static readonly Dictionary<Type, string> QueryOperations = new()
    {
        [typeof(ServiceListRequest)] = "/v1/services",
        [typeof(ReferralListRequest)] = "/v1/referrals",
    };

    /// <summary>
    /// Strings a client writes freely (names, notes, identifiers checked by their own rules):
    /// every other string of a request must carry an enum, a format or a pattern, so a new coded
    /// field cannot reach the contract as a bare string.
    /// </summary>
    private static readonly HashSet<string> FreeText =
    [
        "ServiceInput.name", "ServiceInput.description", "ServiceInput.venuePostcode",
        "Organisation.name", "Organisation.website",
        "Quality.accreditations[]", "Contact.email", "Contact.website",
        "ProfileInput.nhsNumber", "ProfileInput.postcode", "ConsentInput.recordedBy",
        "EndorsementInput.clinicianName", "EndorsementInput.note", "RegistrationInput.number",
        "StatusChangeInput.reason", "WithdrawalInput.reason",
        "GET /v1/services?q", "GET /v1/services?near", "GET /v1/profiles?patientRef",
        "GET /fhir/HealthcareService?name",
        "GET /oruk/services?search", "GET /oruk/services?postcode", "ImportBody.feed",
    ];

    [Fact]
    public async Task Every_marked_property_has_the_published_codes_as_its_enum()
    {
        var client = api.Anonymous();
        var contract = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var published = (await (await client.GetAsync("/v1/vocabularies")).ReadObject())
            .ToDictionary(v => v.Key, v => v.Value!.AsArray().Select(t => t!["code"]!.GetValue<string>()).ToList());

        var marked = (
            from assembly in new[] { typeof(OpenApiSetup).Assembly, typeof(Matching.MatchResult).Assembly }
            from type in assembly.GetTypes()
            from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            let vocabulary = property.GetCustomAttribute<VocabularyAttribute>(inherit: true)
            where vocabulary is not null
            select (type, property, vocabulary)).ToList();
        Assert.True(marked.Count >= 60, $"found only {marked.Count} marked properties");

        foreach (var (type, property, vocabulary) in marked)
        {
            var where = $"{type.Name}.{property.Name}";
            List<string> expected = vocabulary.Terms is { } terms ? published[terms.Name] : [.. vocabulary.Allowed];
            if (vocabulary.Terms is { } set)
            {
                // The validators check against the TermSet the attribute names.
                Assert.Equal(set.Codes, expected);
            }

            foreach (var schema in SchemasOf(contract, type, property))
            {
                var target = IsList(schema) ? schema["items"]! : schema;
                var values = target["enum"]?.AsArray();
                Assert.True(values is not null, $"{where} is marked with a vocabulary but has no enum");
                // A nullable code (not recorded) lists null too, and only then.
                var nullable = target["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "null");
                Assert.Equal(nullable, values.Any(v => v is null));
                Assert.Equal(expected, values.Where(v => v is not null).Select(c => c!.GetValue<string>()).ToList());
            }
        }
    }

    [Fact]
    public async Task Every_string_a_request_sends_is_coded_or_known_to_be_free_text()
    {
        var contract = JsonNode.Parse(await api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var schemas = contract["components"]!["schemas"]!.AsObject();
        var bare = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var (path, item) in contract["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                {
                    if (parameter!["in"]!.GetValue<string>() == "query" && IsBare(parameter["schema"]!))
                    {
                        bare.Add($"{method.ToUpperInvariant()} {path}?{parameter["name"]}");
                    }
                }

                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                if (body?["$ref"]?.GetValue<string>() is { } reference)
                {
                    CollectBare(schemas, Name(reference), bare, []);
                }
            }
        }

        Assert.Empty(bare.Except(FreeText));
        // An entry that no longer matches anything is stale and would hide a new field of that name.
        Assert.Empty(FreeText.Except(bare));
    }

    private static void CollectBare(JsonObject schemas, string name, SortedSet<string> bare, HashSet<string> seen)
    {
        if (!seen.Add(name))
        {
            return;
        }

        foreach (var (property, node) in schemas[name]!["properties"]?.AsObject() ?? [])
        {
            var schema = node!;
            // Read-only members are accepted in a request only so that a GET body can be sent
            // back; they are ignored, so they are nothing a client chooses.
            if (schema["readOnly"]?.GetValue<bool>() == true || References(schema).Any(r => schemas[Name(r)]?["readOnly"]?.GetValue<bool>() == true))
            {
                continue;
            }

            var isList = IsList(schema);
            var value = isList ? schema["items"]! : schema;
            var references = References(value).ToList();
            foreach (var reference in references)
            {
                CollectBare(schemas, Name(reference), bare, seen);
            }

            if (references.Count == 0 && IsBare(value))
            {
                bare.Add($"{name}.{property}{(isList ? "[]" : string.Empty)}");
            }
        }
    }

    private static bool IsList(JsonNode schema) =>
        schema["type"]?.ToJsonString().Contains("\"array\"", StringComparison.Ordinal) == true;

    /// <summary>A nullable object is written as oneOf null and the reference.</summary>
    private static IEnumerable<string> References(JsonNode schema) =>
        new[] { schema }.Concat(new[] { "oneOf", "anyOf", "allOf" }.SelectMany(k => schema[k]?.AsArray() ?? []).OfType<JsonNode>())
            .Select(s => s["$ref"]?.GetValue<string>())
            .OfType<string>();

    private static bool IsBare(JsonNode schema) =>
        schema["type"]?.ToJsonString().Contains("\"string\"", StringComparison.Ordinal) == true
        && schema["enum"] is null && schema["format"] is null && schema["pattern"] is null;

    private static string Name(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

    private static IEnumerable<JsonNode> SchemasOf(JsonNode contract, Type type, PropertyInfo property)
    {
        if (QueryOperations.TryGetValue(type, out var path))
        {
            var name = property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var parameter = contract["paths"]![path]!["get"]!["parameters"]!.AsArray().SingleOrDefault(p => p!["name"]!.GetValue<string>() == name);
            Assert.True(parameter is not null, $"GET {path} has no query parameter {name}");
            yield return parameter["schema"]!;
            yield break;
        }

        var schemaName = type.GetCustomAttribute<SchemaNameAttribute>()?.Name ?? type.Name;
        var schema = contract["components"]!["schemas"]![schemaName]?["properties"]?[JsonNamingPolicy.CamelCase.ConvertName(property.Name)];
        Assert.True(schema is not null, $"the contract has no property {schemaName}.{property.Name}: is {type.Name} a wire type?");
        yield return schema;
    }
}
