using System.Net.Http.Headers;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Services;

/// <summary>
/// Systems that poll the open directory send back the ETag they hold and are told 304 while
/// nothing they would be shown has changed; any write to the directory makes the next poll a 200.
/// </summary>
public sealed class ConditionalGetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Search = "/v1/services?condition=depression&near=LS1%204AP&radiusKm=50&pageSize=5";

    [Fact]
    public async Task A_service_read_again_with_its_etag_is_304_until_it_is_replaced_or_retired()
    {
        var admin = api.Admin();
        var id = (await ServiceBodies.Create(admin, ServiceBodies.At("Conditional item", "LS1 4AP")))["id"]!.GetValue<string>();
        var path = $"/v1/services/{id}";

        var first = await api.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"1\"", first.Headers.ETag?.Tag);

        foreach (var tag in new[] { "\"1\"", "W/\"1\"", "\"7\", \"1\"" })
        {
            var again = await GetAsync(path, tag);
            await AssertNotModified(again, "\"1\"");
        }

        var replace = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(ServiceBodies.At("Conditional item renamed", "LS1 4AP")) };
        replace.Headers.IfMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(replace)).StatusCode);
        var replaced = await GetAsync(path, "\"1\"");
        Assert.Equal("\"2\"", replaced.Headers.ETag?.Tag);
        Assert.Equal("Conditional item renamed", (await replaced.ReadObject())["name"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(path)).StatusCode);
        var retired = await GetAsync(path, "\"2\"");
        Assert.Equal("\"3\"", retired.Headers.ETag?.Tag);
        Assert.Equal("closed", (await retired.ReadObject())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task If_none_match_star_is_304_for_a_service_that_exists_and_404_for_one_that_does_not()
    {
        var id = (await ServiceBodies.Create(api.Admin(), ServiceBodies.At("Conditional star", "LS6 3AA")))["id"]!.GetValue<string>();

        await AssertNotModified(await GetAsync($"/v1/services/{id}", "*"), "\"1\"");
        await AssertNotModified(await GetAsync(Search, "*"), null);
        await (await GetAsync($"/v1/services/{Guid.NewGuid()}", "*")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_search_polled_with_its_etag_is_304_until_a_service_is_created_replaced_or_retired()
    {
        var admin = api.Admin();
        await ServiceBodies.Create(admin, ServiceBodies.At("Conditional listed", "LS2 7AA"));
        var etag = await ListETagAsync(Search);
        await AssertNotModified(await GetAsync(Search, etag), etag);
        await AssertNotModified(await GetAsync(Search, $"\"other\", {etag}"), etag);

        // A service far outside the search still changes its tag: the tag follows the directory.
        var created = await ServiceBodies.Create(admin, ServiceBodies.At("Conditional elsewhere", "M1 1AE"));
        var path = $"/v1/services/{created["id"]}";
        etag = await AssertChanged(Search, etag);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(path, ServiceBodies.At("Conditional elsewhere renamed", "M1 1AE"))).StatusCode);
        etag = await AssertChanged(Search, etag);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(path)).StatusCode);
        await AssertChanged(Search, etag);
    }

    [Fact]
    public async Task Different_queries_have_different_etags_and_the_same_query_the_same_one()
    {
        await ServiceBodies.Create(api.Admin(), ServiceBodies.At("Conditional queries", "LS1 4AP"));
        string[] queries =
        [
            "/v1/services", "/v1/services?page=2", "/v1/services?pageSize=5", "/v1/services?status=closed",
            "/v1/services?q=walk", "/v1/services?q=talk", "/v1/services?condition=anxiety", Search,
            "/v1/services?near=LS1%204AP&radiusKm=10", "/v1/services?near=BD1&radiusKm=10",
        ];

        var tags = new List<string>();
        foreach (var query in queries)
        {
            tags.Add(await ListETagAsync(query));
        }

        Assert.Equal(queries.Length, tags.Distinct().Count());
        Assert.Equal(tags[0], await ListETagAsync("/v1/services"));
        Assert.Equal(tags[0], await ListETagAsync("/v1/services?status=active&page=1&pageSize=20"));
    }

    [Fact]
    public async Task The_directory_may_be_cached_publicly_but_a_profile_is_never_stored()
    {
        var id = (await ServiceBodies.Create(api.Admin(), ServiceBodies.At("Conditional cache", "LS1 4AP")))["id"]!.GetValue<string>();
        foreach (var path in new[] { "/v1/services", Search, $"/v1/services/{id}" })
        {
            var response = await api.Anonymous().GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertPublic(response);
        }

        var practice = await api.PracticeAsync("A81001");
        var profile = await ProfileBodies.Create(practice, ProfileBodies.Valid("P-CACHE"));
        var read = await practice.GetAsync($"/v1/profiles/{profile["id"]}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(read.Headers.CacheControl?.NoStore, $"Cache-Control: {read.Headers.CacheControl}");
        Assert.False(read.Headers.CacheControl?.Public);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await api.Anonymous().SendAsync(request);
    }

    private async Task<string> ListETagAsync(string path)
    {
        var response = await api.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    private async Task<string> AssertChanged(string path, string previous)
    {
        var response = await GetAsync(path, previous);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var current = response.Headers.ETag!.ToString();
        Assert.NotEqual(previous, current);
        Assert.NotNull((await response.ReadObject())["items"]);
        return current;
    }

    private static async Task AssertNotModified(HttpResponseMessage response, string? etag)
    {
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
        if (etag is not null)
        {
            Assert.Equal(etag, response.Headers.ETag.ToString());
        }

        AssertPublic(response);
    }

    private static void AssertPublic(HttpResponseMessage response)
    {
        Assert.Equal(new CacheControlHeaderValue { Public = true, NoCache = true }, response.Headers.CacheControl);
        Assert.False(response.Headers.CacheControl!.NoStore);
    }
}
