namespace Referral.EndToEnd.Tests;

/// <summary>
/// The API as it is deployed on the run's provider, on a database of its own: on PostgreSQL two
/// server processes sharing one database, as behind a load balancer; on SQLite one process,
/// since two processes on one SQLite file is not a supported deployment. Tests ask for an
/// instance by number and get them in turn (<see cref="Instance"/> wraps), so the same journey
/// alternates between two servers on PostgreSQL and stays on the one on SQLite.
/// </summary>
public sealed class Deployment : IAsyncLifetime
{
    private readonly List<ServerProcess> _instances = [];

    public TestDatabase Database { get; private set; } = null!;

    public IReadOnlyList<ServerProcess> Instances => _instances;

    public static int InstanceCount => TestDatabase.OnPostgres ? 2 : 1;

    /// <summary>
    /// Configuration every instance of a test deployment gets. The end-to-end journeys write more
    /// than a practice's per-minute allowance, and rate limits are per instance, which would make
    /// the SQLite and PostgreSQL runs differ in what they refuse.
    /// </summary>
    public static string[] Configuration => ["--Limits:WritesPerMinutePerKey=100000"];

    public ServerProcess Instance(int n) => _instances[n % _instances.Count];

    public HttpClient Client(int instance, string? key = null) => Instance(instance).Client(key);

    /// <summary>Everything every instance has written to its console, for failure messages and log checks.</summary>
    public string Output => string.Join("\n", _instances.Select(i => $"--- {i.Name} ---\n{i.Output}"));

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();

        // One after the other: the first applies the migrations and the demo data, and the second
        // starts as an instance added to a running deployment does.
        for (var i = 0; i < InstanceCount; i++)
        {
            _instances.Add(await ServerProcess.StartAsync($"instance {i + 1}", Database, Configuration));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
