using Referral.Api.Engine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Features.Recommendations;
using Referral.Api.Security;
using Referral.Api.Tests.Infrastructure.Contract;

namespace Referral.Api.Tests.Infrastructure;

/// <summary>
/// The real API over in-memory HTTP, on its own database: a SQLite file in a temporary folder, or
/// with REFERRAL_TEST_PROVIDER=postgresql a database of its own on the test server (TestStorage).
/// One per test class (xunit class fixture), so classes never see each other's data. It runs in
/// the Testing environment, so no demo data is seeded; the keys below are issued the way
/// operators issue them.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PracticeA = "A81001";
    public const string PracticeB = "A81002";

    private readonly Lazy<Task<ResponseContract>> _contract;

    private readonly ApiFactory? _sharesDatabaseWith;
    private int _released;
    private readonly Lazy<PostgresTestDatabase> _postgres;

    public ApiFactory()
    {
        _contract = new(() => ContractCache.LoadAsync(CreateUncheckedClient()));
        _postgres = new(PostgresTestDatabase.Create);
    }

    /// <summary>Another instance of the API on the same database, as a second process behind a load balancer would be.</summary>
    protected ApiFactory(ApiFactory sharesDatabaseWith)
        : this()
    {
        ArgumentNullException.ThrowIfNull(sharesDatabaseWith);
        _sharesDatabaseWith = sharesDatabaseWith;
        _folder = sharesDatabaseWith._folder;
        _postgres = sharesDatabaseWith._postgres;
        AdminKey = sharesDatabaseWith.AdminKey;
        PracticeAKey = sharesDatabaseWith.PracticeAKey;
        PracticeBKey = sharesDatabaseWith.PracticeBKey;
        AnalystKey = sharesDatabaseWith.AnalystKey;
    }

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "referral-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "referral.db");

    /// <summary>This factory's PostgreSQL database (only when the tests run on PostgreSQL).</summary>
    public PostgresTestDatabase Postgres => TestStorage.IsPostgres
        ? _postgres.Value
        : throw new InvalidOperationException("The tests run on SQLite: there is no PostgreSQL database.");

    /// <summary>A second API instance on this one's database, with the same keys; the caller disposes it.</summary>
    public async Task<ApiFactory> SecondInstanceAsync()
    {
        var second = new SecondInstance(this);
        // Building the host migrates (nothing left to do) and loads its directory, as a start would.
        _ = second.Services;
        await Task.CompletedTask;
        return second;
    }

    public string AdminKey { get; private set; } = string.Empty;
    public string PracticeAKey { get; private set; } = string.Empty;
    public string PracticeBKey { get; private set; } = string.Empty;
    public string AnalystKey { get; private set; } = string.Empty;

    /// <summary>
    /// Configuration a derived factory overrides. Tests make far more writes a minute than a
    /// practice system would, so the rate limit is lifted unless a test is about it.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:WritesPerMinutePerKey"] = "1000000",
        // The contract's example feed host, so that its example import request is a valid one.
        ["Import:AllowedHosts:0"] = "feeds.example.org",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        TestStorage.UseIn(builder, DatabasePath, () => _postgres.Value);

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task InitializeAsync()
    {
        if (_sharesDatabaseWith is not null)
        {
            return;
        }

        var issuer = Services.GetRequiredService<ApiKeyIssuer>();
        AdminKey = (await issuer.IssueAsync(Roles.DirectoryAdmin, null, "tests", default)).Key;
        PracticeAKey = (await issuer.IssueAsync(Roles.Practice, PracticeA, "tests", default)).Key;
        PracticeBKey = (await issuer.IssueAsync(Roles.Practice, PracticeB, "tests", default)).Key;
        AnalystKey = (await issuer.IssueAsync(Roles.Analyst, null, "tests", default)).Key;
    }

    /// <summary>
    /// A client whose every response is checked against the contract (openapi.yaml): one the
    /// contract does not describe fails the test that received it.
    /// </summary>
    public new HttpClient CreateClient() => CreateDefaultClient(new ContractCheckingHandler(() => _contract.Value));

    /// <summary>A client that sees responses unchecked: only for tests that judge responses by rules of their own.</summary>
    public HttpClient CreateUncheckedClient() => base.CreateClient();

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        }

        return client;
    }

    /// <summary>
    /// A keyed client whose responses are not checked against the contract: only for a test that
    /// puts the server in a state no API call can reach (a hand-written or damaged stored row).
    /// </summary>
    public HttpClient UncheckedClientWithKey(string key)
    {
        var client = CreateUncheckedClient();
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        return client;
    }

    public HttpClient Admin() => ClientWithKey(AdminKey);

    /// <summary>A client for another practice, with a key issued the way operators issue them.</summary>
    public async Task<HttpClient> PracticeAsync(string odsCode)
    {
        var issuer = Services.GetRequiredService<ApiKeyIssuer>();
        return ClientWithKey((await issuer.IssueAsync(Roles.Practice, odsCode, "tests", default)).Key);
    }

    /// <summary>Takes a track-record snapshot now, as the periodic refresh (Matching:TrackRecordRefresh) would.</summary>
    public Task TakeTrackRecordSnapshotAsync() =>
        Services.GetRequiredService<MatchingDirectory>().RefreshTrackRecordsAsync(default);

    public HttpClient Anonymous() => ClientWithKey(null);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>
    /// Every way a factory is disposed (a class fixture, or `await using` / `using` in a test)
    /// removes its database; a second instance leaves it to the first.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        ReportChecks();
        if (_sharesDatabaseWith is not null)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        if (TestStorage.IsPostgres && _postgres.IsValueCreated)
        {
            await _postgres.Value.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing test run because of it is not.
        }

        GC.SuppressFinalize(this);
    }

    // For a run's summary: REFERRAL_CONTRACT_COUNT=<file> receives the number of responses checked so far.
    private static void ReportChecks()
    {
        if (Environment.GetEnvironmentVariable("REFERRAL_CONTRACT_COUNT") is { Length: > 0 } file)
        {
            try
            {
                File.WriteAllText(file, ContractCheckingHandler.Checked.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // Another factory is writing the same count at the same moment; the last one wins.
            }
        }
    }

    private sealed class SecondInstance : ApiFactory
    {
        private readonly IReadOnlyDictionary<string, string?> _settings;

        public SecondInstance(ApiFactory first)
            : base(first) => _settings = first.Settings;

        protected override IReadOnlyDictionary<string, string?> Settings => _settings;
    }
}
