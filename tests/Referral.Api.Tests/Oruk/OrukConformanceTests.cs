using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Oruk;

/// <summary>
/// Schema conformance: every answer of every feed endpoint, for every demo service and for a
/// service with every optional field set and one with none, is valid against the ORUK 3.0 JSON
/// schemas the official validator uses, and leaves out members without a value.
/// </summary>
public sealed class OrukConformanceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Anyone => api.Anonymous();

    private async Task<JsonObject> Valid(string schema, string url)
    {
        var body = await OrukFeed.GetAsync(Anyone, url);
        OrukSchemas.AssertValid(schema, body, "GET " + url);
        OrukFeed.AssertNoEmptyMembers(body, "GET " + url);
        return body;
    }

    [Fact]
    public async Task Every_endpoint_answers_as_its_ORUK_schema_for_every_demo_service_and_both_extremes()
    {
        var ids = await OrukFeed.SeedDemoAsync(api);
        ids.Add((await ServiceBodies.Create(api.Admin(), OrukFeed.EveryOptionalField("Every Field Circle")))["id"]!.GetValue<string>());
        ids.Add((await ServiceBodies.Create(api.Admin(), OrukFeed.NoOptionalField("Bare Circle")))["id"]!.GetValue<string>());
        // A retired one too: the feed publishes it as defunct.
        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin().DeleteAsync($"/v1/services/{ids[0]}")).StatusCode);

        var details = await Valid("api_details", "/oruk");
        Assert.Equal("HSDS-UK-3.0", details["version"]!.GetValue<string>());
        Assert.Equal("https://openreferraluk.org/specifications/3.0/openapi.json", details["openapi_url"]!.GetValue<string>());

        foreach (var shape in new[] { string.Empty, "&full=true", "&minimal=true" })
        {
            var listed = new List<string>();
            for (var page = 1; ; page++)
            {
                var list = await Valid("service_list", $"/oruk/services?per_page=30&page={page}{shape}");
                listed.AddRange(list["contents"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
                if (list["last_page"]!.GetValue<bool>())
                {
                    break;
                }
            }

            Assert.Equal(ids.Order(), listed.Order());
        }

        foreach (var id in ids)
        {
            var service = await Valid("service", $"/oruk/services/{id}");
            Assert.Equal(id, service["id"]!.GetValue<string>());
        }

        var taxonomies = await Valid("taxonomy_list", "/oruk/taxonomies?per_page=100");
        foreach (var taxonomy in taxonomies["contents"]!.AsArray())
        {
            await Valid("taxonomy", $"/oruk/taxonomies/{taxonomy!["id"]}");
        }

        for (var page = 1; ; page++)
        {
            var terms = await Valid("taxonomy_term_list", $"/oruk/taxonomy_terms?per_page=100&page={page}");
            await Valid("taxonomy_term", $"/oruk/taxonomy_terms/{terms["contents"]![0]!["id"]}");
            if (terms["last_page"]!.GetValue<bool>())
            {
                break;
            }
        }

        var organisations = await Valid("organization_list", "/oruk/organizations?per_page=100");
        Assert.NotEmpty(organisations["contents"]!.AsArray());
        foreach (var organisation in organisations["contents"]!.AsArray())
        {
            await Valid("organization", $"/oruk/organizations/{organisation!["id"]}");
        }

        var venues = await Valid("service_at_location_list", "/oruk/service_at_locations?per_page=100");
        Assert.NotEmpty(venues["contents"]!.AsArray());
        foreach (var venue in venues["contents"]!.AsArray())
        {
            await Valid("service_at_location", $"/oruk/service_at_locations/{venue!["id"]}");
        }
    }

    [Fact]
    public async Task A_service_with_every_optional_field_is_fully_nested()
    {
        var id = (await ServiceBodies.Create(api.Admin(), OrukFeed.EveryOptionalField("Nested Circle")))["id"]!.GetValue<string>();

        var service = await Valid("service", $"/oruk/services/{id}");

        Assert.Equal("active", service["status"]!.GetValue<string>());
        Assert.Equal("2026-09-01", service["assured_date"]!.GetValue<string>());
        Assert.Equal(service["organization_id"]!.GetValue<string>(), service["organization"]!["id"]!.GetValue<string>());
        Assert.Equal("SC012345", service["organization"]!["organization_identifiers"]![0]!["identifier"]!.GetValue<string>());
        var location = service["service_at_locations"]![0]!["location"]!;
        Assert.Equal("LS1 4AP", location["addresses"]![0]!["postal_code"]!.GetValue<string>());
        Assert.Equal(2, location["accessibility"]!.AsArray().Count);
        Assert.Equal(2, service["schedules"]!.AsArray().Count);
        Assert.Equal(["en", "ur"], service["languages"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()));
        Assert.Equal("free", service["cost_options"]![0]!["option"]!.GetValue<string>());
        Assert.Equal("0113 496 0000", service["contacts"]![0]!["phones"]![0]!["number"]!.GetValue<string>());
        Assert.Equal("15", service["service_areas"]![0]!["extent"]!.GetValue<string>());
        var terms = service["attributes"]!.AsArray().Select(a => a!["taxonomy_term"]!["taxonomy"] + "/" + a["taxonomy_term"]!["term"]).ToList();
        Assert.Contains("conditions/anxiety", terms);
        Assert.Contains("communities/veterans", terms);
        Assert.Contains("qualityMarks/safeguarding-policy", terms);
        Assert.Contains(service["attributes"]!.AsArray(), a => a!["taxonomy_term"]!["term"]!.GetValue<string>() == "waitlist" && a["value"]!.GetValue<string>() == "6");
    }

    [Fact]
    public async Task Taxonomy_and_organisation_ids_are_stable_across_servers()
    {
        // Pinned: a consumer that stored these must find them again after any restart or deploy.
        var conditions = await OrukFeed.GetAsync(Anyone, "/oruk/taxonomies/" + Referral.Api.Features.Oruk.StableIds.Taxonomy("conditions"));
        Assert.Equal("conditions", conditions["name"]!.GetValue<string>());
        Assert.Equal(PinnedConditionsId, conditions["id"]!.GetValue<string>());

        var id = (await ServiceBodies.Create(api.Admin(), OrukFeed.EveryOptionalField("Stable Circle")))["id"]!.GetValue<string>();
        var first = await OrukFeed.GetAsync(Anyone, $"/oruk/services/{id}");
        var other = new ApiFactory();
        await using var disposed = other;
        await other.InitializeAsync();
        var again = await OrukFeed.GetAsync(other.Anonymous(), "/oruk/organizations?per_page=100");
        Assert.Empty(again["contents"]!.AsArray());
        var created = (await ServiceBodies.Create(other.Admin(), OrukFeed.EveryOptionalField("Stable Circle")))["id"]!.GetValue<string>();
        var elsewhere = await OrukFeed.GetAsync(other.Anonymous(), $"/oruk/services/{created}");
        Assert.Equal(first["organization_id"]!.GetValue<string>(), elsewhere["organization_id"]!.GetValue<string>());
    }

    private const string PinnedConditionsId = "43b12410-6252-5c89-b969-19ee9f14cd02";
}
