using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Referral.Api.Tests.Infrastructure;
using Referral.Data;
using Xunit.Abstractions;

namespace Referral.Api.Tests.Storage;

/// <summary>A two-second bound on waiting for the write lock, and every log record kept.</summary>
public sealed class ImpatientApi : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Storage:Sqlite:BusyTimeoutSeconds"] = "2",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
    }

    public IReadOnlyList<FakeLogRecord> Logs => Services.GetFakeLogCollector().GetSnapshot();
}

/// <summary>Another process (a backup, the sqlite3 shell) holds the database's write lock.</summary>
public sealed class DatabaseBusyTests(ImpatientApi api, ITestOutputHelper output) : IClassFixture<ImpatientApi>
{
    // Two seconds configured; generous, for a loaded two-core machine. Without a bound the
    // provider waits 30 s, and requests queued behind that write wait longer still.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [SqliteFact("another process's lock on the database file and the busy timeout; PostgreSQL's lock_timeout is per row")]
    public async Task Writes_give_up_within_the_bound_with_503_while_reads_carry_on()
    {
        var admin = api.Admin();
        var practice = api.ClientWithKey(api.PracticeAKey);
        var existing = await ServiceBodies.Create(admin, ServiceBodies.Valid());

        await using var other = await api.OpenDatabaseAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var first = await admin.PostAsJsonAsync("/v1/services", ServiceBodies.Valid());
        var took = clock.Elapsed;
        await first.AssertRefused("Database busy");
        output.WriteLine($"first refused write: {took.TotalSeconds:0.00} s");
        Assert.True(took < Bound, $"the first refused write took {took}");

        // Several at once: those queued behind the stuck write give up within the bound too.
        var concurrent = Enumerable.Range(0, 4).Select(async i =>
        {
            var watch = Stopwatch.StartNew();
            var response = i % 2 == 0
                ? await admin.PostAsJsonAsync("/v1/services", ServiceBodies.Valid())
                : await practice.PostAsJsonAsync("/v1/profiles", ProfileBodies.With(b => b["nhsNumber"] = "944 930 5552", $"BUSY-{i}"));
            return (Response: response, Took: watch.Elapsed);
        }).ToList();
        foreach (var (response, elapsed) in await Task.WhenAll(concurrent))
        {
            await response.AssertRefused("Database busy");
            output.WriteLine($"concurrent refused write: {elapsed.TotalSeconds:0.00} s");
            Assert.True(elapsed < Bound, $"a queued write took {elapsed}");
        }

        // WAL readers never wait for the writer.
        await (await api.Anonymous().GetAsync($"/v1/services/{existing["id"]}")).ReadObject();
        await (await practice.GetAsync("/v1/profiles")).ReadObject();
        await api.AssertNotReady(because: "locked");

        // One line per refused write, naming the fault and nothing the request carried.
        var refusals = api.Logs.Where(r => r.Message.StartsWith("Write refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, refusals.Count);
        Assert.DoesNotContain(api.Logs, r => r.Exception is StorageFaultException);
        Assert.All(refusals, r => Assert.DoesNotContain("944 930 5552", r.Message, StringComparison.Ordinal));
        Assert.All(refusals, r => Assert.DoesNotContain("BUSY-", r.Message, StringComparison.Ordinal));

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await ServiceBodies.Create(admin, ServiceBodies.Valid());
        await api.AssertReady();
    }
}
