using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Features.Importing;
using Referral.Api.Tests.Infrastructure;
using Referral.Api.Tests.Oruk;

namespace Referral.Api.Tests.Importing;

/// <summary>
/// Our directory exported as ORUK and imported into a fresh database gives the same services;
/// a re-import of an unchanged feed changes nothing, a changed record updates its service in
/// place, a removed one is closed; and the matching engine sees imported services at once.
/// </summary>
public sealed class ImportRoundTripTests(ApiFactory api) : IClassFixture<ApiFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oruk-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string[] SystemFields = ["id", "version", "createdAt", "updatedAt"];

    /// <summary>Every page of a feed's full listing, written to files as a consumer would keep them.</summary>
    private static async Task ExportAsync(HttpClient client, string folder)
    {
        for (var page = 1; ; page++)
        {
            var list = await OrukFeed.GetAsync(client, $"/oruk/services?full=true&per_page=25&page={page}");
            await File.WriteAllTextAsync(Path.Combine(folder, $"page-{page:D3}.json"), list.ToJsonString());
            if (list["last_page"]!.GetValue<bool>())
            {
                return;
            }
        }
    }

    /// <summary>Every service of a directory as /v1 shows it, without what the directory adds, keyed by name.</summary>
    private static async Task<Dictionary<string, string>> DirectoryOf(HttpClient client)
    {
        var all = new Dictionary<string, string>();
        foreach (var status in new[] { "active", "paused", "closed" })
        {
            var page = await OrukFeed.GetAsync(client, $"/v1/services?status={status}&pageSize=100");
            foreach (var service in page["items"]!.AsArray())
            {
                var body = service!["service"]!.AsObject();
                foreach (var field in SystemFields)
                {
                    body.Remove(field);
                }

                all.Add(body["name"]!.GetValue<string>(), body.ToJsonString());
            }
        }

        return all;
    }

    private static async Task<ImportReport> Import(ApiFactory into, string source) =>
        await into.Services.GetRequiredService<OrukImporter>().RunAsync(source, null, default);

    [Fact]
    public async Task A_directory_exported_and_imported_into_a_fresh_database_is_the_same_and_re_imports_converge()
    {
        await OrukFeed.SeedDemoAsync(api);
        await ServiceBodies.Create(api.Admin(), OrukFeed.EveryOptionalField("Round Trip Every Field"));
        await ServiceBodies.Create(api.Admin(), OrukFeed.NoOptionalField("Round Trip No Field"));
        var paused = ServiceBodies.With(b => { b["name"] = "Round Trip Paused"; b["status"] = "paused"; });
        await ServiceBodies.Create(api.Admin(), paused);
        await ExportAsync(api.Anonymous(), _folder);

        var fresh = new ApiFactory();
        await using var disposed = fresh;
        await ((IAsyncLifetime)fresh).InitializeAsync();

        var first = await Import(fresh, _folder);
        Assert.Equal(ImportReport.Completed, first.Outcome);
        Assert.Empty(first.RejectedRecords);
        Assert.Empty(first.Notes);
        var original = await DirectoryOf(api.Anonymous());
        Assert.Equal(original.Count, first.Created);
        var imported = await DirectoryOf(fresh.Anonymous());
        Assert.Equal(original.OrderBy(p => p.Key), imported.OrderBy(p => p.Key));

        // Unchanged: everything reported unchanged, and nothing written (every version still 1).
        var again = await Import(fresh, _folder);
        Assert.Equal((0, 0, original.Count, 0, 0), (again.Created, again.Updated, again.Unchanged, again.Closed, again.Rejected));
        var versions = await OrukFeed.GetAsync(fresh.Anonymous(), "/v1/services?pageSize=100");
        Assert.All(versions["items"]!.AsArray(), s => Assert.Equal(1, s!["service"]!["version"]!.GetValue<int>()));

        // One record renamed, one removed: updated in place, closed (never deleted).
        var file = Path.Combine(_folder, "page-001.json");
        var page = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        var contents = page["contents"]!.AsArray();
        var renamed = contents[0]!["name"]!.GetValue<string>();
        contents[0]!["name"] = renamed + " (renamed)";
        var removed = contents[1]!["name"]!.GetValue<string>();
        contents.RemoveAt(1);
        await File.WriteAllTextAsync(file, page.ToJsonString());

        var changed = await Import(fresh, _folder);
        Assert.Equal((0, 1, 1), (changed.Created, changed.Updated, changed.Closed));
        var after = await DirectoryOf(fresh.Anonymous());
        Assert.Equal(original.Count, after.Count);
        Assert.Contains(renamed + " (renamed)", after.Keys);
        Assert.DoesNotContain(renamed, after.Keys);
        Assert.Equal("closed", JsonNode.Parse(after[removed])!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_sample_feed_imports_with_its_rough_edges_reported_and_is_matched_at_once()
    {
        var practice = api.ClientWithKey(api.PracticeAKey);
        var wanted = ProfileBodies.Valid("IMPORT-1");
        wanted["conditions"] = new JsonArray("anxiety");
        wanted["formats"] = new JsonObject { ["preferred"] = new JsonArray("online-group"), ["avoid"] = new JsonArray() };
        var profile = await ProfileBodies.Create(practice, wanted);

        var report = await Import(api, Repository.PathOf("db/seed/oruk-sample"));

        Assert.Equal(ImportReport.Completed, report.Outcome);
        Assert.Equal(3, report.Created);
        Assert.Equal(2, report.Rejected);
        Assert.Contains(report.RejectedRecords, r => r.Reasons.Any(reason => reason.Contains("organization.name", StringComparison.Ordinal)));
        Assert.Contains(report.RejectedRecords, r => r.Name == "Burley Bereavement Café");
        var notes = report.Notes.SelectMany(n => n.Notes).ToList();
        Assert.Contains(notes, n => n.Contains("Gardening", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("75001", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("klingon", StringComparison.Ordinal));

        // Found by directory search and ranked by the matching engine, with no restart.
        var found = await OrukFeed.GetAsync(api.Anonymous(), "/v1/services?q=ilkley");
        var walk = Assert.Single(found["items"]!.AsArray())!["service"]!;
        Assert.Equal(["depression", "loneliness"], walk["conditions"]!.AsArray().Select(c => c!.GetValue<string>()));
        var set = await (await practice.PostAsync($"/v1/profiles/{profile["id"]}/recommendations?limit=50", null)).ReadObject(HttpStatusCode.Created);
        var online = Assert.Single((await OrukFeed.GetAsync(api.Anonymous(), "/v1/services?q=wharfedale+online"))["items"]!.AsArray())!["service"]!;
        Assert.Contains(set["items"]!.AsArray(), i => i!["serviceId"]!.GetValue<string>() == online["id"]!.GetValue<string>());
    }
}
