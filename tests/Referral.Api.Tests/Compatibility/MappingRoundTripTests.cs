using System.Globalization;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Compatibility;

/// <summary>
/// A member goes through three hand-written mappings on its way to disk and back (wire to
/// domain, domain to document, and back again), and a line left out of one still compiles.
/// These bodies set every member of the contract to something other than its default (checked
/// against the served schema, so a new member fails here until it is added), and each must come
/// back from storage as it was sent.
/// </summary>
public sealed class MappingRoundTripTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static JsonObject LocalService() => ServiceBodies.With(b =>
    {
        b["name"] = "Round Trip Walk and Talk";
        b["organisation"] = new JsonObject { ["name"] = "Round Trip Trust", ["charityNumber"] = "NIC123456", ["website"] = "https://roundtrip.example.org.uk" };
        b["communities"] = new JsonArray("carers");
        b["venuePostcode"] = "LS7 3QB";
        b["serviceArea"] = new JsonObject { ["national"] = false, ["radiusKm"] = 12, ["remoteRadiusKm"] = 20 };
        b["eligibility"] = new JsonObject { ["minAge"] = 18, ["maxAge"] = 80, ["gender"] = "women" };
        b["capacity"] = new JsonObject { ["status"] = "waitlist", ["waitWeeks"] = 3 };
        b["quality"] = new JsonObject { ["trainedFacilitators"] = true, ["safeguardingPolicy"] = true, ["evidenceLevel"] = "trial", ["accreditations"] = new JsonArray("Mind Quality Mark") };
        b["contact"] = new JsonObject { ["email"] = "hello@roundtrip.example.org.uk", ["phone"] = "0113 496 0123", ["website"] = "https://roundtrip.example.org.uk/walk" };
        b["status"] = "paused";
    });

    // serviceArea.national can only be true without a radius: the one member the local body cannot set.
    private static JsonObject NationalService() => ServiceBodies.OnlineNational("Round Trip Text Line");

    private static JsonObject Profile() => ProfileBodies.With(p =>
    {
        p["postcode"] = "LS6";
        p["gender"] = "woman";
        p["communities"] = new JsonArray("carers");
        p["languages"] = new JsonArray("pa", "en");
        p["needsInterpreter"] = true;
        p["hasUsedPeerSupport"] = true;
        p["factorPriorities"] = new JsonArray("similar-experiences", "convenient-time");
    }, "ROUND-TRIP-1");

    [Fact]
    public async Task Every_member_of_a_service_comes_back_from_storage_as_sent()
    {
        var bodies = new[] { LocalService(), NationalService() };
        await AssertEveryMemberSet(api, "ServiceInput", bodies);

        foreach (var body in bodies)
        {
            var id = (await ServiceBodies.Create(api.Admin(), body))["id"]!.GetValue<string>();
            var stored = await (await api.Anonymous().GetAsync($"/v1/services/{id}")).ReadObject();
            foreach (var (member, sent) in body)
            {
                Assert.True(JsonNode.DeepEquals(sent, stored[member]), $"{member}: sent {sent?.ToJsonString()}, stored {stored[member]?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task Every_member_of_a_profile_comes_back_from_storage_as_sent()
    {
        var body = Profile();
        await AssertEveryMemberSet(api, "ProfileInput", [body]);

        var practice = api.ClientWithKey(api.PracticeAKey);
        var id = (await ProfileBodies.Create(practice, body))["id"]!.GetValue<string>();
        var stored = await (await practice.GetAsync($"/v1/profiles/{id}")).ReadObject();
        foreach (var (member, sent) in body)
        {
            switch (member)
            {
                case "nhsNumber":
                    Assert.Equal("*** *** 5552", stored[member]!.GetValue<string>());
                    break;
                case "postcode":
                    Assert.Equal(sent!.GetValue<string>(), stored["postcodeDistrict"]!.GetValue<string>());
                    break;
                case "personality":
                    Assert.True(JsonNode.DeepEquals(sent!["tipi"], stored[member]!["tipi"]));
                    Assert.True(JsonNode.DeepEquals(sent["ucla3"], stored[member]!["ucla3"]));
                    break;
                case "consent":
                    foreach (var (field, value) in sent!.AsObject())
                    {
                        Assert.True(field == "recordedAt"
                            ? DateTimeOffset.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture) == DateTimeOffset.Parse(stored[member]![field]!.GetValue<string>(), CultureInfo.InvariantCulture)
                            : JsonNode.DeepEquals(value, stored[member]![field]), $"consent.{field}");
                    }

                    break;
                default:
                    Assert.True(JsonNode.DeepEquals(sent, stored[member]), $"{member}: sent {sent?.ToJsonString()}, stored {stored[member]?.ToJsonString()}");
                    break;
            }
        }
    }

    /// <summary>
    /// Every property of the schema, nested ones included, is set in some body to neither null,
    /// false nor empty; read-only ones (what GET adds, accepted and ignored by PUT) have nothing to map.
    /// </summary>
    internal static async Task AssertEveryMemberSet(ApiFactory api, string schema, JsonObject[] bodies)
    {
        var contract = await (await api.Anonymous().GetAsync("/openapi/v1.json")).ReadObject();
        var schemas = contract["components"]!["schemas"]!.AsObject();
        foreach (var path in Paths(schemas, schemas[schema]!.AsObject(), string.Empty))
        {
            Assert.True(
                bodies.Any(b => IsSet(At(b, path))),
                $"No round-trip body sets '{path}': give it a value that is not its default in one of them.");
        }
    }

    private static IEnumerable<string> Paths(JsonObject schemas, JsonObject schema, string prefix)
    {
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            if (property!["readOnly"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var reference = property["$ref"] ?? property["oneOf"]?.AsArray().Select(o => o!["$ref"]).FirstOrDefault(r => r is not null);
            if (reference is null)
            {
                yield return prefix + name;
                continue;
            }

            var target = schemas[reference.GetValue<string>().Split('/')[^1]]!.AsObject();
            if (target["readOnly"]?.GetValue<bool>() == true)
            {
                continue;
            }

            foreach (var inner in Paths(schemas, target, prefix + name + "."))
            {
                yield return inner;
            }
        }
    }

    private static JsonNode? At(JsonObject body, string path) =>
        path.Split('.').Aggregate((JsonNode?)body, (node, name) => node is JsonObject o ? o[name] : null);

    private static bool IsSet(JsonNode? value) => value switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag,
        _ => true,
    };
}
