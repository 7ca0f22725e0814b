using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Oruk;

/// <summary>What a consumer of the feed relies on: filters, paging, CORS, revalidation and errors.</summary>
public sealed class OrukFeedTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Anyone => api.Anonymous();

    private async Task<string> Create(JsonObject body) => (await ServiceBodies.Create(api.Admin(), body))["id"]!.GetValue<string>();

    private async Task<List<string>> Names(string url) =>
        (await OrukFeed.GetAsync(Anyone, url))["contents"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Filters_select_by_term_taxonomy_organisation_date_text_and_place()
    {
        var stamp = Guid.NewGuid().ToString("N")[..8];
        await Create(ServiceBodies.With(b =>
        {
            b["name"] = $"Filter Anxiety {stamp}";
            b["conditions"] = new JsonArray("anxiety");
            b["organisation"] = new JsonObject { ["name"] = $"Filter Org {stamp}" };
        }));
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await Create(OrukFeed.NoOptionalField($"Filter Online {stamp}"));

        var terms = await OrukFeed.GetAsync(Anyone, "/oruk/taxonomy_terms?per_page=100");
        var anxiety = terms["contents"]!.AsArray().Single(t => t!["taxonomy"]!.GetValue<string>() == "conditions" && t["term"]!.GetValue<string>() == "anxiety")!["id"];
        var conditions = terms["contents"]!.AsArray().First(t => t!["taxonomy"]!.GetValue<string>() == "conditions")!["taxonomy_id"];
        var organisation = (await OrukFeed.GetAsync(Anyone, "/oruk/organizations?per_page=100"))["contents"]!.AsArray()
            .Single(o => o!["name"]!.GetValue<string>() == $"Filter Org {stamp}")!["id"];

        Assert.Equal([$"Filter Anxiety {stamp}"], await Names($"/oruk/services?search={stamp}&taxonomy_term_id={anxiety}"));
        Assert.Equal([$"Filter Anxiety {stamp}"], await Names($"/oruk/services?search={stamp}&taxonomy_id={conditions}"));
        Assert.Equal([$"Filter Anxiety {stamp}"], await Names($"/oruk/services?organization_id={organisation}"));
        Assert.Equal([$"Filter Online {stamp}"], await Names($"/oruk/services?search={stamp}&modified_after={Uri.EscapeDataString(before.ToString("O"))}"));
        Assert.Equal([$"Filter Anxiety {stamp}"], await Names($"/oruk/services?search={stamp}&postcode=LS1&proximity=5000"));
        Assert.Equal([$"Filter Anxiety {stamp}", $"Filter Online {stamp}"], await Names($"/oruk/services?search={stamp}"));
    }

    [Fact]
    public async Task The_page_envelope_counts_pages_and_says_which_page_it_is()
    {
        var stamp = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            await Create(OrukFeed.NoOptionalField($"Paged {stamp} {i}"));
        }

        var second = await OrukFeed.GetAsync(Anyone, $"/oruk/services?search={stamp}&per_page=2&page=2");
        Assert.Equal(5, second["total_items"]!.GetValue<int>());
        Assert.Equal(3, second["total_pages"]!.GetValue<int>());
        Assert.Equal(2, second["page_number"]!.GetValue<int>());
        Assert.Equal(2, second["size"]!.GetValue<int>());
        Assert.False(second["first_page"]!.GetValue<bool>());
        Assert.False(second["last_page"]!.GetValue<bool>());
        Assert.False(second["empty"]!.GetValue<bool>());

        var beyond = await OrukFeed.GetAsync(Anyone, $"/oruk/services?search={stamp}&per_page=2&page=9");
        Assert.True(beyond["empty"]!.GetValue<bool>());
        Assert.Empty(beyond["contents"]!.AsArray());
        OrukSchemas.AssertValid("service_list", beyond, "an empty page");
    }

    [Theory]
    [InlineData("/oruk")]
    [InlineData("/oruk/services")]
    [InlineData("/oruk/services/00000000-0000-0000-0000-000000000001")]
    [InlineData("/oruk/services?per_page=0")]
    [InlineData("/oruk/taxonomies")]
    public async Task Every_answer_of_the_feed_may_be_read_from_any_web_page(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://someone-else.example");
        var response = await Anyone.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task The_v1_api_does_not_open_itself_to_other_origins()
    {
        var response = await Anyone.GetAsync("/v1/services");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_poller_is_told_not_modified_until_the_directory_changes()
    {
        var id = await Create(OrukFeed.NoOptionalField($"Polled {Guid.NewGuid():N}"));
        foreach (var url in new[] { "/oruk/services?per_page=50", $"/oruk/services/{id}", "/oruk/organizations" })
        {
            var first = await Anyone.GetAsync(url);
            Assert.Equal("public, no-cache", first.Headers.CacheControl!.ToString());
            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
            Assert.Equal(HttpStatusCode.NotModified, (await Anyone.SendAsync(again)).StatusCode);
        }

        var listing = await Anyone.GetAsync("/oruk/services?per_page=50");
        var body = OrukFeed.NoOptionalField("Renamed after polling");
        Assert.Equal(HttpStatusCode.OK, (await api.Admin().PutAsJsonAsync($"/v1/services/{id}", body)).StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/oruk/services?per_page=50");
        stale.Headers.TryAddWithoutValidation("If-None-Match", listing.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await Anyone.SendAsync(stale)).StatusCode);
    }

    [Theory]
    [InlineData("/oruk/services?per_page=0", "per_page")]
    [InlineData("/oruk/services?per_page=101", "per_page")]
    [InlineData("/oruk/services?taxonomy_term_id=not-a-uuid", "taxonomy_term_id")]
    [InlineData("/oruk/services?taxonomy_term_id=00000000-0000-0000-0000-000000000001", "taxonomy_term_id")]
    [InlineData("/oruk/services?modified_after=yesterday", "modified_after")]
    [InlineData("/oruk/services?postcode=ZZ99", "postcode")]
    [InlineData("/oruk/services?proximity=1000", "proximity")]
    [InlineData("/oruk/services?minimal=true&full=true", "full")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string url, string parameter)
    {
        var response = await Anyone.GetAsync(url);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(parameter, problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/oruk/services/00000000-0000-0000-0000-000000000001")]
    [InlineData("/oruk/taxonomies/00000000-0000-0000-0000-000000000001")]
    [InlineData("/oruk/taxonomy_terms/00000000-0000-0000-0000-000000000001")]
    [InlineData("/oruk/organizations/00000000-0000-0000-0000-000000000001")]
    [InlineData("/oruk/service_at_locations/00000000-0000-0000-0000-000000000001")]
    public async Task An_unknown_id_is_a_404_problem(string url)
    {
        await (await Anyone.GetAsync(url)).AssertProblem(HttpStatusCode.NotFound);
    }
}
