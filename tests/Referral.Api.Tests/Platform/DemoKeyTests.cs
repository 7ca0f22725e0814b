using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Platform;

/// <summary>
/// The demo keys are printed in the README, so outside Development they must be nobody's key,
/// even on a database file that a Development run seeded (the default path makes that easy).
/// </summary>
public sealed class DemoKeyTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "referral-tests", Guid.NewGuid().ToString("N"));

    private readonly Lazy<PostgresTestDatabase> _postgres = new(PostgresTestDatabase.Create);

    private string DatabasePath => Path.Combine(_folder, "referral.db");

    [Fact]
    public async Task Demo_keys_a_development_run_stored_are_refused_in_production_and_the_log_says_so()
    {
        await using (var development = new Host("Development", DatabasePath, _postgres))
        {
            var admin = development.Client("demo-directory-admin-key");
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/v1/services", ServiceBodies.Valid())).StatusCode);
        }

        SqliteConnection.ClearAllPools();
        await using var production = new Host("Production", DatabasePath, _postgres);

        await (await production.Client("demo-directory-admin-key").PostAsJsonAsync("/v1/services", ServiceBodies.Valid()))
            .AssertProblem(HttpStatusCode.Unauthorized);
        await (await production.Client("demo-practice-a81001-key").GetAsync("/v1/profiles")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await production.Client("demo-analyst-key").GetAsync("/v1/profiles")).AssertProblem(HttpStatusCode.Unauthorized);
        var warning = Assert.Single(production.Logs, r => r.Message.Contains("demo keys", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("revoke", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_database_without_demo_keys_starts_without_the_warning()
    {
        await using var production = new Host("Production", DatabasePath, _postgres);

        await (await production.Client("demo-directory-admin-key").GetAsync("/v1/profiles")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(production.Logs, r => r.Message.Contains("demo keys", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgres.IsValueCreated)
        {
            await _postgres.Value.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private sealed class Host(string environment, string databasePath, Lazy<PostgresTestDatabase> postgres) : WebApplicationFactory<Program>
    {
        public IReadOnlyList<FakeLogRecord> Logs => Services.GetFakeLogCollector().GetSnapshot();

        public HttpClient Client(string key)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Add("X-API-Key", key);
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            TestStorage.UseIn(builder, databasePath, () => postgres.Value);
            builder.ConfigureLogging(logging => logging.AddFakeLogging());
        }
    }
}
