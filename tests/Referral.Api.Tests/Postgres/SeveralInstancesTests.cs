using System.Diagnostics;
using Dapper;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Postgres;

/// <summary>
/// Two API instances on one PostgreSQL database, as behind a load balancer: what one process's
/// memory guaranteed on SQLite (one Idempotency-Key, one winner of a race) the database
/// guarantees across both, and a directory change through one reaches the other's matching
/// directory and search index within a second (LISTEN/NOTIFY).
/// </summary>
public sealed class SeveralInstancesTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(1);

    private ApiFactory? _second;

    private ApiFactory Second => _second ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        if (TestStorage.IsPostgres)
        {
            _second = await api.SecondInstanceAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
    }

    private HttpClient PracticeOn(int instance) => (instance % 2 == 0 ? api : Second).ClientWithKey(api.PracticeAKey);

    [PostgresFact]
    public async Task Retries_of_one_idempotency_key_through_both_instances_create_one_referral()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/referrals") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return PracticeOn(i).SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, (await (await PracticeOn(1).GetAsync($"/v1/referrals?profileId={profileId}")).ReadObject())["total"]!.GetValue<int>());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys"));
    }

    [PostgresFact]
    public async Task Of_concurrent_changes_from_one_version_through_both_instances_exactly_one_wins()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/referrals/{id}/events")
            {
                Content = JsonContent.Create(ReferralBodies.Event(i % 4 < 2 ? "offered" : "withdrawn")),
            };
            request.Headers.IfMatch.ParseAdd("\"1\"");
            return PracticeOn(i).SendAsync(request);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        await AssertOneChange(id);
    }

    [PostgresFact]
    public async Task Of_concurrent_identical_moves_through_both_instances_exactly_one_wins()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => ReferralBodies.Move(PracticeOn(i), id, "offered")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await AssertOneChange(id);
    }

    [PostgresFact]
    public async Task A_service_changed_through_one_instance_is_searched_and_matched_on_the_other_within_a_second()
    {
        var profile = await ProfileBodies.Create(PracticeOn(1), ProfileBodies.Valid($"MULTI-{Guid.NewGuid():N}"));
        var created = await ServiceBodies.Create(api.Admin(), ServiceBodies.At("Quernmore lantern walkers", "LS6 2AA"));
        var id = created["id"]!.GetValue<string>();

        await Eventually(async () => (await SearchIds(Second, "q=quernmore")).Contains(id), "the second instance's search finds the new service");
        await Eventually(async () => (await Ranked(Second, profile)).Contains(id), "the second instance's recommendations include the new service");

        Assert.Equal(HttpStatusCode.NoContent, (await Second.Admin().DeleteAsync($"/v1/services/{id}")).StatusCode);

        await Eventually(async () => !(await SearchIds(api, "q=quernmore")).Contains(id), "the first instance's search drops the retired service");
        await Eventually(async () => !(await Ranked(api, profile)).Contains(id), "the first instance stops recommending the retired service");
    }

    [PostgresFact]
    public async Task After_its_listening_connection_is_cut_an_instance_catches_up_with_what_it_missed()
    {
        await using (var admin = await api.OpenDatabaseAsync())
        {
            // Every LISTEN connection of this database: both instances lose their line to the other.
            var cut = await admin.ExecuteScalarAsync<int>(
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'");
            Assert.Equal(2, cut);
        }

        // Written at once, while the second instance may not be listening yet.
        var created = await ServiceBodies.Create(api.Admin(), ServiceBodies.At("Wharfedale dawn swimmers", "LS21 1AA"));
        var id = created["id"]!.GetValue<string>();

        await Eventually(async () => (await SearchIds(Second, "q=wharfedale")).Contains(id), "the second instance catches up after reconnecting", TimeSpan.FromSeconds(10));
        var renamed = ServiceBodies.At("Otley dawn swimmers", "LS21 1AA");
        await (await api.Admin().PutAsJsonAsync($"/v1/services/{id}", renamed)).ReadObject();
        await Eventually(async () => (await SearchIds(Second, "q=otley")).Contains(id), "and then hears of changes again at once");
    }

    private static async Task<List<string>> SearchIds(ApiFactory instance, string query)
    {
        var page = await (await instance.Anonymous().GetAsync("/v1/services?" + query)).ReadObject();
        return [.. page["items"]!.AsArray().Select(i => i!["service"]!["id"]!.GetValue<string>())];
    }

    private async Task<List<string>> Ranked(ApiFactory instance, JsonObject profile)
    {
        var set = await (await instance.ClientWithKey(api.PracticeAKey).PostAsync($"/v1/profiles/{profile["id"]}/recommendations?limit=50", null)).ReadObject(HttpStatusCode.Created);
        return [.. set["items"]!.AsArray().Select(i => i!["serviceId"]!.GetValue<string>())];
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = within ?? Propagation;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < deadline, $"Not within {deadline.TotalSeconds:0.#} s: {what}.");
            await Task.Delay(20);
        }
    }

    private async Task AssertOneChange(string id)
    {
        foreach (var instance in new[] { api, Second })
        {
            var referral = await (await instance.ClientWithKey(api.PracticeAKey).GetAsync($"/v1/referrals/{id}")).ReadObject();
            Assert.Equal(2, referral["history"]!.AsArray().Count);
            Assert.Equal(2, referral["version"]!.GetValue<int>());
        }
    }
}
