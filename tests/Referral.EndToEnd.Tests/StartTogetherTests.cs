namespace Referral.EndToEnd.Tests;

/// <summary>
/// Two instances started at the same moment on an empty PostgreSQL database, as a deployment of
/// two rolls out: both come up, the migrations are applied once, and the Development demo data
/// (directory and keys) is there once, not once per instance.
/// </summary>
public sealed class StartTogetherTests
{
    [PostgresFact]
    public async Task Two_instances_started_together_on_an_empty_database_seed_the_demo_data_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var starting = new[] { "instance 1", "instance 2" }.Select(name => ServerProcess.StartAsync(name, database, Deployment.Configuration)).ToList();
        try
        {
            var servers = await Task.WhenAll(starting);

            var listings = new List<JsonObject>();
            foreach (var server in servers)
            {
                var response = await server.Client().GetAsync("/v1/services?pageSize=100");
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{server.Name}: {(int)response.StatusCode} {text}");
                listings.Add(JsonNode.Parse(text)!.AsObject());

                // Every demo key works on both.
                Assert.Equal(HttpStatusCode.OK, (await server.Client(Journey.PracticeKey).GetAsync("/v1/referrals")).StatusCode);
            }

            var names = listings[0]["items"]!.AsArray().Select(i => i!["service"]!["name"]!.GetValue<string>()).ToList();
            Assert.NotEmpty(names);
            Assert.True(names.Count == names.Distinct().Count(), $"the demo directory was loaded more than once: {names.Count} active services, {names.Distinct().Count()} names");
            Assert.Equal(listings[0]["total"]!.GetValue<int>(), listings[1]["total"]!.GetValue<int>());
        }
        finally
        {
            // Whichever came up is stopped, even when the other did not.
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }
        }
    }
}

/// <summary>A test of what only a PostgreSQL deployment does (several instances on one database): skipped on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.OnPostgres)
        {
            Skip = "PostgreSQL only: run with REFERRAL_TEST_PROVIDER=postgresql and REFERRAL_TEST_POSTGRES.";
        }
    }
}
