using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Features.Importing;
using Referral.Api.Tests.Infrastructure;
using Referral.Data.Importing;

namespace Referral.Api.Tests.Importing;

/// <summary>
/// An import's job as a directory admin behind a load balancer sees it: whichever instance the
/// GET reaches answers for it, and a job whose server stopped mid-import says so instead of
/// running for ever.
/// </summary>
public sealed class ImportJobTests(ImportLimitsFactory api) : IClassFixture<ImportLimitsFactory>
{
    [Fact]
    public async Task An_import_started_on_one_instance_is_followed_to_its_report_on_another()
    {
        // A second host on the same database: another instance of the API behind the balancer.
        using var other = api.WithWebHostBuilder(_ => { });
        var otherAdmin = other.CreateClient();
        otherAdmin.DefaultRequestHeaders.Add(Security.ApiKeys.HeaderName, api.AdminKey);

        var started = await api.Admin().PostAsJsonAsync("/v1/imports", new { feed = Repository.PathOf("db/seed/oruk-sample") });
        var job = await started.ReadObject(HttpStatusCode.Accepted);

        JsonObject seen;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            seen = await (await otherAdmin.GetAsync(started.Headers.Location)).ReadObject();
            Assert.Equal(job["id"]!.GetValue<string>(), seen["id"]!.GetValue<string>());
            await Task.Delay(100);
        }
        while (seen["status"]!.GetValue<string>() == "running" && DateTime.UtcNow < deadline);

        Assert.Equal("completed", seen["status"]!.GetValue<string>());
        Assert.Equal(3, seen["report"]!["created"]!.GetValue<int>());
        Assert.Equal(2, seen["report"]!["rejected"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_job_whose_server_stopped_before_it_finished_is_reported_failed_with_what_to_do()
    {
        // As a server killed mid-import leaves it: running, last heard from a minute ago.
        var clock = api.Services.GetRequiredService<TimeProvider>();
        var cutOff = clock.GetUtcNow().AddMinutes(-1);
        var id = Guid.NewGuid();
        await api.Services.GetRequiredService<IImportJobRepository>().CreateAsync(
            new ImportJobRecord(id, "https://feeds.example.org/oruk", ImportJobView.Running, 3, 250, cutOff.AddMinutes(-2), null, cutOff, null), default);

        var job = await (await api.Admin().GetAsync($"/v1/imports/{id}")).ReadObject();

        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Equal(250, job["records"]!.GetValue<int>());
        Assert.Equal(ImportJobs.CutOff, job["report"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_job_heard_from_within_the_heartbeat_is_still_running()
    {
        var clock = api.Services.GetRequiredService<TimeProvider>();
        var id = Guid.NewGuid();
        await api.Services.GetRequiredService<IImportJobRepository>().CreateAsync(
            new ImportJobRecord(id, "https://feeds.example.org/oruk", ImportJobView.Running, 1, 100, clock.GetUtcNow(), null, clock.GetUtcNow(), null), default);

        var job = await (await api.Admin().GetAsync($"/v1/imports/{id}")).ReadObject();

        Assert.Equal("running", job["status"]!.GetValue<string>());
        Assert.Null(job["report"]);
    }
}
