using System.Collections.Concurrent;
using Xunit.Abstractions;
using static Referral.EndToEnd.Tests.Journey;

namespace Referral.EndToEnd.Tests;

/// <summary>
/// An instance dies mid-journey (killed, as a crash or an OOM kill would end it, with writes in
/// flight) and the journey completes without it; every write it acknowledged is there afterwards.
/// On PostgreSQL the other of two instances on the database takes over; on SQLite, where one
/// process owns the file, the instance is started again on the same file.
/// </summary>
public sealed class InstanceLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string DirectoryAdminKey = "demo-directory-admin-key";

    // Enough profile writes in flight, and acknowledged, that the kill lands among them.
    private const int WritersInFlight = 8;
    private const int AcknowledgedBeforeKill = 40;

    private readonly List<ServerProcess> _servers = [];
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    [Fact]
    public async Task The_journey_completes_when_an_instance_is_killed_mid_way_and_no_acknowledged_write_is_lost()
    {
        var victim = await StartAsync("instance 1");
        // On SQLite the "instances" are one process until the kill.
        var survivor = TestDatabase.OnPostgres ? await StartAsync("instance 2") : victim;
        var before = new[] { victim, survivor };

        // The journey up to the middle, alternating, each write acknowledged before the next.
        var service = await Json(before[0].Client(DirectoryAdminKey).PostAsJsonAsync("/v1/services", NewService()), HttpStatusCode.Created);
        var serviceId = service["id"]!.GetValue<string>();
        var profile = await Json(before[1].Client(PracticeKey).PostAsJsonAsync("/v1/profiles", NewProfile("E2E-KILL-0001", "944 930 5552")), HttpStatusCode.Created);
        var profileId = profile["id"]!.GetValue<string>();
        var recommend = await victim.Client(PracticeKey).PostAsync($"/v1/profiles/{profileId}/recommendations?limit=50", null);
        var set = await Json(recommend, HttpStatusCode.Created);
        var setBody = set.ToJsonString();
        var referral = await Json(before[1].Client(PracticeKey).PostAsJsonAsync("/v1/referrals", NewReferral(profileId, serviceId, set["id"]!.GetValue<string>())), HttpStatusCode.Created);
        var referralId = referral["id"]!.GetValue<string>();
        await MoveAsync(before[0], referralId, "offered");
        await MoveAsync(victim, referralId, "contacted");

        // Writes in flight on the victim when it dies: only what it acknowledged is owed.
        var (acknowledged, unanswered) = await KillDuringWritesAsync(victim);
        output.WriteLine($"{TestDatabase.Provider}: {acknowledged.Count} profile writes acknowledged before the kill, {unanswered} unanswered when it came");
        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"only {acknowledged.Count} profile writes were acknowledged before the kill");

        if (!TestDatabase.OnPostgres)
        {
            survivor = await StartAsync("instance 1, started again on the same file");
        }

        // The journey completes on what is left.
        await MoveAsync(survivor, referralId, "started");
        await MoveAsync(survivor, referralId, "completed");

        // Every write acknowledged before the kill, read back.
        var practice = survivor.Client(PracticeKey);
        Assert.Equal(HttpStatusCode.OK, (await survivor.Client().GetAsync($"/v1/services/{serviceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await practice.GetAsync($"/v1/profiles/{profileId}")).StatusCode);
        var storedSet = await practice.GetAsync(recommend.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, storedSet.StatusCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(setBody), JsonNode.Parse(await storedSet.Content.ReadAsStringAsync())), "the stored recommendation set changed");
        var completed = await Json(practice.GetAsync($"/v1/referrals/{referralId}"), HttpStatusCode.OK);
        Assert.Equal(["proposed", "offered", "contacted", "started", "completed"], completed["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        var missing = new List<string>();
        foreach (var (patientRef, id) in acknowledged)
        {
            var read = await practice.GetAsync($"/v1/profiles/{id}");
            if (read.StatusCode != HttpStatusCode.OK)
            {
                missing.Add($"{patientRef} ({id}): {(int)read.StatusCode}");
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged profiles are gone: {string.Join(", ", missing)}");
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private async Task<ServerProcess> StartAsync(string name)
    {
        var server = await ServerProcess.StartAsync(name, _database, Deployment.Configuration);
        _servers.Add(server);
        return server;
    }

    /// <summary>
    /// Keeps profile writes in flight on the server and kills it once enough were acknowledged;
    /// returns those (patient reference and id), and how many writes were cut off unanswered. A
    /// write whose answer never came may or may not have been committed, and is not owed.
    /// </summary>
    private static async Task<(IReadOnlyCollection<(string PatientRef, string Id)> Acknowledged, int Unanswered)> KillDuringWritesAsync(ServerProcess server)
    {
        var acknowledged = new ConcurrentBag<(string, string)>();
        var unanswered = 0;
        using var enough = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var writers = Enumerable.Range(0, WritersInFlight).Select(writer => Task.Run(async () =>
        {
            using var client = server.Client(PracticeKey);
            for (var n = 0; !server.HasExited; n++)
            {
                var patientRef = $"E2E-KILL-{writer}-{n}";
                HttpResponseMessage response;
                try
                {
                    response = await client.PostAsJsonAsync("/v1/profiles", NewProfile(patientRef));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // The server died with this request unanswered.
                    Interlocked.Increment(ref unanswered);
                    return;
                }

                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    acknowledged.Add((patientRef, created["id"]!.GetValue<string>()));
                    if (acknowledged.Count >= AcknowledgedBeforeKill)
                    {
                        await enough.CancelAsync();
                    }
                }
            }
        })).ToList();

        try
        {
            await Task.Delay(Timeout.Infinite, enough.Token);
        }
        catch (OperationCanceledException)
        {
            // Enough acknowledged, or a minute passed (the assertion on the count says which).
        }

        await server.KillAsync();
        await Task.WhenAll(writers);

        // Only what had been acknowledged when the process died; the bag is not added to after this.
        return ([.. acknowledged], unanswered);
    }

    private static async Task MoveAsync(ServerProcess server, string referralId, string status)
    {
        var response = await server.Client(PracticeKey).PostAsJsonAsync($"/v1/referrals/{referralId}/events", new { status, occurredAt = DateTimeOffset.UtcNow });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{status} through {server.Name}: {(int)response.StatusCode} {text}\n{server.Output}");
    }

    private async Task<JsonObject> Json(Task<HttpResponseMessage> response, HttpStatusCode expected) => await Json(await response, expected);

    private async Task<JsonObject> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}\n{string.Join("\n", _servers.Select(s => $"--- {s.Name} ---\n{s.Output}"))}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
