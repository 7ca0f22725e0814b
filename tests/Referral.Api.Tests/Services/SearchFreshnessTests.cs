using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Services;

/// <summary>
/// Search answers from an index in memory; a directory admin who has just written must find the
/// write in the very next search and read, as a GP system must stop finding a retired service.
/// </summary>
public sealed class SearchFreshnessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<List<string>> Ids(string query)
    {
        var page = await (await api.Anonymous().GetAsync("/v1/services?" + query)).ReadObject();
        return [.. page["items"]!.AsArray().Select(i => i!["service"]!["id"]!.GetValue<string>())];
    }

    [Fact]
    public async Task Creating_replacing_and_retiring_a_service_shows_in_the_very_next_search()
    {
        var admin = api.Admin();
        var created = await ServiceBodies.Create(admin, ServiceBodies.At("Kirkstall riverside walkers", "LS5 3AA"));
        var id = created["id"]!.GetValue<string>();
        Assert.Equal([id], await Ids("q=riverside"));
        Assert.Contains(id, await Ids("near=LS5&radiusKm=1"));

        // Renamed and moved to Bradford: the old words and the old place no longer find it.
        var moved = ServiceBodies.At("Bradford canal walkers", "BD1 1AA");
        moved["conditions"] = new JsonArray("long-covid");
        await (await admin.PutAsJsonAsync($"/v1/services/{id}", moved)).ReadObject();
        Assert.Empty(await Ids("q=riverside"));
        Assert.Equal([id], await Ids("q=canal"));
        Assert.DoesNotContain(id, await Ids("near=LS5&radiusKm=1"));
        Assert.Contains(id, await Ids("near=BD1&radiusKm=1"));
        Assert.Contains(id, await Ids("condition=long-covid&pageSize=100"));
        var read = await (await api.Anonymous().GetAsync($"/v1/services/{id}")).ReadObject();
        Assert.Equal("Bradford canal walkers", read["name"]!.GetValue<string>());
        Assert.Equal(2, read["version"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/services/{id}")).StatusCode);
        Assert.Empty(await Ids("q=canal"));
        Assert.Equal([id], await Ids("q=canal&status=closed"));
        read = await (await api.Anonymous().GetAsync($"/v1/services/{id}")).ReadObject();
        Assert.Equal("closed", read["status"]!.GetValue<string>());
    }
}
