using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Oruk;

/// <summary>Directories for the feed's tests: the demo's, and services with every optional field set and with none.</summary>
public static class OrukFeed
{
    /// <summary>Every service of the demo directory (db/seed/services.json), created through the API.</summary>
    public static async Task<List<string>> SeedDemoAsync(ApiFactory api)
    {
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(Repository.PathOf("db/seed/services.json")))!.AsArray();
        var ids = new List<string>();
        foreach (var service in demo)
        {
            ids.Add((await ServiceBodies.Create(api.Admin(), service!.AsObject()))["id"]!.GetValue<string>());
        }

        return ids;
    }

    /// <summary>Every optional field of a service set: communities, accreditations, both ages, a waiting list, every contact.</summary>
    public static JsonObject EveryOptionalField(string name) => ServiceBodies.With(b =>
    {
        b["name"] = name;
        b["communities"] = new JsonArray("carers", "veterans");
        b["schedule"] = new JsonArray("weekday-morning", "weekend-afternoon");
        b["eligibility"] = new JsonObject { ["minAge"] = 18, ["maxAge"] = 65 };
        b["capacity"] = new JsonObject { ["status"] = "waitlist", ["waitWeeks"] = 6 };
        b["quality"]!["accreditations"] = new JsonArray("Mind Quality Mark", "Investing in Volunteers");
        b["contact"] = new JsonObject { ["email"] = "hello@example.org.uk", ["phone"] = "0113 496 0000", ["website"] = "https://example.org.uk/group" };
        b["organisation"] = new JsonObject { ["name"] = "Every Field Trust", ["charityNumber"] = "SC012345", ["website"] = "https://every.example.org.uk" };
    });

    /// <summary>No optional field set: online and national, no lists, one way to get in touch.</summary>
    public static JsonObject NoOptionalField(string name) => ServiceBodies.With(b =>
    {
        b["name"] = name;
        b["conditions"] = new JsonArray();
        b["communities"] = new JsonArray();
        b["formats"] = new JsonArray("online-group");
        b["venuePostcode"] = null;
        b["serviceArea"] = new JsonObject { ["national"] = true, ["radiusKm"] = null };
        b["schedule"] = new JsonArray();
        b["languages"] = new JsonArray("en");
        b["accessibility"] = new JsonArray();
        b["eligibility"] = new JsonObject();
        b["referralRoutes"] = new JsonArray("self");
        b["quality"] = new JsonObject { ["trainedFacilitators"] = false, ["safeguardingPolicy"] = false, ["evidenceLevel"] = "none", ["accreditations"] = new JsonArray() };
        b["contact"] = new JsonObject { ["email"] = "bare@example.org.uk" };
        b["organisation"] = new JsonObject { ["name"] = "Bare Minimum Group" };
    });

    public static async Task<JsonObject> GetAsync(HttpClient client, string url) => await (await client.GetAsync(url)).ReadObject();

    /// <summary>
    /// ORUK's compliance criteria: a member without a value is left out, never null, "" or []
    /// (an empty page's contents excepted, which the envelope requires).
    /// </summary>
    public static void AssertNoEmptyMembers(JsonNode? node, string where)
    {
        switch (node)
        {
            case null:
                Assert.Fail($"{where} is null");
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "contents" && value is JsonArray)
                    {
                        foreach (var item in value.AsArray())
                        {
                            AssertNoEmptyMembers(item, $"{where}.contents[]");
                        }

                        continue;
                    }

                    AssertNoEmptyMembers(value, $"{where}.{key}");
                }

                break;
            case JsonArray array:
                Assert.True(array.Count > 0, $"{where} is an empty list");
                foreach (var item in array)
                {
                    AssertNoEmptyMembers(item, $"{where}[]");
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                Assert.False(string.IsNullOrWhiteSpace(text), $"{where} is an empty string");
                break;
        }
    }
}
