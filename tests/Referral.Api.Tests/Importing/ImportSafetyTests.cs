using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Importing;

/// <summary>The importer's limits, small enough to reach in a test; loopback (127.0.0.1) listed so the local hostile server can be read.</summary>
public sealed class ImportLimitsFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Import:AllowedHosts:0"] = "127.0.0.1",
        ["Import:MaxResponseBytes"] = "100000",
        ["Import:MaxPages"] = "5",
        ["Import:RequestTimeout"] = "00:00:02",
        ["Import:MaxStringLength"] = "10000",
        ["Import:Folders:0"] = Repository.PathOf("db/seed/oruk-sample"),
    };
}

/// <summary>The same limits, with only the name localhost listed: its loopback address is not.</summary>
public sealed class LocalhostByNameFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Import:AllowedHosts:0"] = "localhost",
    };
}

/// <summary>
/// Hostile and malformed feeds through POST /v1/imports: each ends in a report that says what
/// went wrong, never a 500 or a hung server, and leaves the directory as it was for the records concerned.
/// </summary>
public sealed class ImportSafetyTests(ImportLimitsFactory api) : IClassFixture<ImportLimitsFactory>, IAsyncLifetime
{
    private HostileFeed _feed = null!;

    public async Task InitializeAsync() => _feed = await HostileFeed.StartAsync();

    public async Task DisposeAsync() => await _feed.DisposeAsync();

    /// <summary>Starts an import and waits for its report (polling its job, as a client would).</summary>
    public static async Task<JsonObject> ImportAsync(ApiFactory api, string feed)
    {
        var started = await api.Admin().PostAsJsonAsync("/v1/imports", new { feed });
        var job = await started.ReadObject(HttpStatusCode.Accepted);
        Assert.Equal($"/v1/imports/{job["id"]}", started.Headers.Location!.ToString());
        for (var i = 0; i < 300; i++)
        {
            job = await (await api.Admin().GetAsync($"/v1/imports/{job["id"]}")).ReadObject();
            if (job["status"]!.GetValue<string>() != "running")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import did not finish in 30 seconds.");
    }

    private async Task<int> CountNamed(string q) =>
        (await (await api.Anonymous().GetAsync($"/v1/services?q={Uri.EscapeDataString(q)}")).ReadObject())["total"]!.GetValue<int>();

    [Fact]
    public async Task A_good_feed_over_http_is_imported()
    {
        var job = await ImportAsync(api, _feed.Url("good"));

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        Assert.Equal(2, job["report"]!["created"]!.GetValue<int>());
        Assert.Equal(2, await CountNamed("good feed"));
    }

    [Theory]
    [InlineData("huge", "larger than 100000 bytes")]
    [InlineData("deep", "levels deep")]
    [InlineData("slow", "longer than 2 seconds")]
    [InlineData("redirect", "answered 302")]
    public async Task A_hostile_feed_ends_in_a_report_and_leaves_the_directory_alone(string feed, string reason)
    {
        var job = await ImportAsync(api, _feed.Url(feed));

        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Contains(reason, job["report"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, job["report"]!["created"]!.GetValue<int>());
        Assert.Equal(0, await CountNamed(feed == "slow" ? "slow one" : feed));
    }

    [Fact]
    public async Task A_feed_with_endless_pages_stops_at_the_page_limit_and_closes_nothing()
    {
        var job = await ImportAsync(api, _feed.Url("endless"));

        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Contains("more than 5 pages", job["report"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, job["report"]!["pages"]!.GetValue<int>());
        Assert.Equal(0, job["report"]!["closed"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_record_with_a_huge_string_is_rejected_on_its_own()
    {
        var job = await ImportAsync(api, _feed.Url("strings"));

        var report = job["report"]!;
        Assert.Equal("completed", job["status"]!.GetValue<string>());
        Assert.Equal(1, report["created"]!.GetValue<int>());
        var rejected = Assert.Single(report["rejectedRecords"]!.AsArray())!;
        Assert.Contains("longer than 10000 characters", rejected["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await CountNamed("strings"));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feed", "http or https")]
    [InlineData("file:///etc/passwd", "http or https")]
    [InlineData("http://feeds.example.org/oruk", "not on the allowlist")]
    [InlineData("http://10.0.0.1/oruk", "not on the allowlist")]
    public async Task A_feed_that_is_not_allowed_is_refused_before_any_request(string url, string reason)
    {
        var before = _feed.Requests;

        var response = await api.Admin().PostAsJsonAsync("/v1/imports", new { feed = url });

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem["errors"]!["feed"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, _feed.Requests);
    }

    [Fact]
    public async Task A_folder_on_the_server_is_imported_only_inside_Import_Folders()
    {
        var job = await ImportAsync(api, Repository.PathOf("db/seed/oruk-sample"));
        Assert.Equal("completed", job["status"]!.GetValue<string>());
        Assert.Equal(3, job["report"]!["created"]!.GetValue<int>() + job["report"]!["unchanged"]!.GetValue<int>());

        foreach (var outside in new[] { "/etc", Repository.PathOf("db/seed"), Repository.PathOf("db/seed/oruk-sample/../services.json") })
        {
            var response = await api.Admin().PostAsJsonAsync("/v1/imports", new { feed = outside });
            var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
            Assert.Contains("inside Import:Folders", problem["errors"]!["feed"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_a_directory_admin_may_start_an_import()
    {
        var response = await api.ClientWithKey(api.PracticeAKey).PostAsJsonAsync("/v1/imports", new { feed = _feed.Url("good") });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync($"/v1/imports/{Guid.NewGuid()}")).StatusCode);
    }
}

/// <summary>A listed host name that leads to a loopback address does not open the loopback range.</summary>
public sealed class ImportPrivateAddressTests(LocalhostByNameFactory api) : IClassFixture<LocalhostByNameFactory>, IAsyncLifetime
{
    private HostileFeed _feed = null!;

    public async Task InitializeAsync() => _feed = await HostileFeed.StartAsync();

    public async Task DisposeAsync() => await _feed.DisposeAsync();

    [Fact]
    public async Task A_listed_name_that_resolves_to_loopback_is_not_connected_to()
    {
        var port = new Uri(_feed.BaseUrl).Port;

        var job = await ImportSafetyTests.ImportAsync(api, $"http://localhost:{port}/good");

        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Contains("private, loopback or link-local", job["report"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, _feed.Requests);
    }
}
