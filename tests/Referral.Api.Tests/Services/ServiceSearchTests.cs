using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Services;

/// <summary>A small directory of known places, created once for the class.</summary>
public sealed class SearchDirectory : ApiFactory
{
    public async Task SeedAsync()
    {
        if (Seeded)
        {
            return;
        }

        var admin = Admin();
        await ServiceBodies.Create(admin, ServiceBodies.At("Search Leeds centre", "LS1 4AP"));
        await ServiceBodies.Create(admin, ServiceBodies.At("Search Headingley", "LS6 3AA"));
        await ServiceBodies.Create(admin, ServiceBodies.At("Search Bradford", "BD1 1AA"));
        await ServiceBodies.Create(admin, ServiceBodies.At("Search Manchester", "M1 1AE"));
        await ServiceBodies.Create(admin, ServiceBodies.With(b =>
        {
            b["name"] = "Search veterans walk";
            b["formats"] = new JsonArray("one-to-one-in-person");
            b["venuePostcode"] = "LS28 5AA";
            b["conditions"] = new JsonArray("ptsd");
            b["communities"] = new JsonArray("veterans");
            b["languages"] = new JsonArray("en");
        }));
        await ServiceBodies.Create(admin, ServiceBodies.With(b =>
        {
            b["name"] = "Search Welsh messages";
            b["description"] = "Cefnogaeth: supportive emails in Welsh";
            b["formats"] = new JsonArray("messages");
            b["venuePostcode"] = null;
            b["serviceArea"] = new JsonObject { ["national"] = true };
            b["languages"] = new JsonArray("cy", "en");
            b["conditions"] = new JsonArray("long-covid");
        }));
        var paused = await ServiceBodies.Create(admin, ServiceBodies.With(b => { b["name"] = "Search paused"; b["status"] = "paused"; }));
        Assert.Equal("paused", paused["status"]!.GetValue<string>());
        Seeded = true;
    }

    private bool Seeded { get; set; }
}

public sealed class ServiceSearchTests(SearchDirectory api) : IClassFixture<SearchDirectory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(List<string> Names, JsonObject Page)> Search(string query)
    {
        var page = await (await api.Anonymous().GetAsync("/v1/services?" + query)).ReadObject();
        var names = page["items"]!.AsArray().Select(i => i!["service"]!["name"]!.GetValue<string>()).ToList();
        return (names, page);
    }

    [Fact]
    public async Task Near_a_postcode_lists_venues_within_the_radius_nearest_first()
    {
        var (names, page) = await Search("near=LS1%204AP&radiusKm=15");

        Assert.Equal(["Search Leeds centre", "Search Headingley", "Search veterans walk", "Search Bradford"], names);
        var distances = page["items"]!.AsArray().Select(i => i!["distanceKm"]!.GetValue<double>()).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.Equal(0, distances[0]);
        Assert.All(distances, d => Assert.InRange(d, 0, 15));
    }

    [Fact]
    public async Task A_district_works_as_well_as_a_full_postcode_and_a_wider_radius_reaches_further()
    {
        var (names, _) = await Search("near=ls1&radiusKm=60");
        Assert.Equal("Search Manchester", names[^1]);
        Assert.DoesNotContain("Search Welsh messages", names);
    }

    [Fact]
    public async Task Without_near_services_are_ordered_by_name_without_distances()
    {
        var (names, page) = await Search("q=search&pageSize=100");
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(page["items"]!.AsArray(), i => Assert.Null(i!["distanceKm"]));
        Assert.DoesNotContain("Search paused", names);
    }

    [Theory]
    [InlineData("condition=ptsd", "Search veterans walk")]
    [InlineData("community=veterans", "Search veterans walk")]
    [InlineData("format=messages", "Search Welsh messages")]
    [InlineData("language=cy", "Search Welsh messages")]
    [InlineData("q=CEFNOGAETH", "Search Welsh messages")]
    [InlineData("status=paused", "Search paused")]
    public async Task Each_filter_narrows_the_list(string filter, string expected)
    {
        var (names, page) = await Search(filter);
        Assert.Equal([expected], names);
        Assert.Equal(1, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_combine()
    {
        Assert.Empty((await Search("format=messages&language=ur")).Names);
        Assert.Single((await Search("format=one-to-one-in-person&near=LS1&radiusKm=20")).Names);
    }

    [Fact]
    public async Task Free_text_is_literal_not_a_pattern()
    {
        Assert.Empty((await Search("q=%25")).Names);
        Assert.Empty((await Search("q=_")).Names);
    }

    [Fact]
    public async Task Pages_walk_the_whole_list_and_a_page_past_the_end_is_empty()
    {
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var (names, envelope) = await Search($"q=search&pageSize=2&page={page}");
            Assert.Equal(page, envelope["page"]!.GetValue<int>());
            Assert.Equal(2, envelope["pageSize"]!.GetValue<int>());
            Assert.Equal(6, envelope["total"]!.GetValue<int>());
            seen.AddRange(names);
        }

        Assert.Equal(6, seen.Distinct().Count());
        var (past, _) = await Search("q=search&pageSize=2&page=4");
        Assert.Empty(past);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=10001", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("radiusKm=5", "radiusKm")]
    [InlineData("near=LS1&radiusKm=500", "radiusKm")]
    [InlineData("near=ZZ99%209ZZ", "near")]
    [InlineData("near=not%20a%20postcode", "near")]
    [InlineData("format=zoom-call", "format")]
    [InlineData("condition=flu", "condition")]
    [InlineData("community=martians", "community")]
    [InlineData("language=english", "language")]
    [InlineData("status=deleted", "status")]
    public async Task Bad_query_values_are_400_naming_the_parameter(string query, string field)
    {
        await (await api.Anonymous().GetAsync("/v1/services?" + query)).AssertFieldError(field);
    }

    [Fact]
    public async Task An_unknown_code_error_lists_the_allowed_values()
    {
        var message = await (await api.Anonymous().GetAsync("/v1/services?format=zoom-call")).AssertFieldError("format");
        Assert.Contains("online-group", message);
        Assert.Contains("messages", message);
    }
}
