using Npgsql;

namespace Referral.EndToEnd.Tests;

/// <summary>
/// The database one end-to-end test's servers share, on the provider the run asks for (the shared
/// test contract): with REFERRAL_TEST_PROVIDER unset or `sqlite`, a file in a temporary folder;
/// with `postgresql`, a fresh database created from the admin connection in REFERRAL_TEST_POSTGRES
/// and dropped afterwards, owned by a role of its own that the servers connect as: not a superuser,
/// so row-level security applies to them as in production (as the API tests' PostgresTestDatabase
/// does). The temporary folder exists either way, for anything else a test keeps.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnection;
    private readonly string? _name;
    private readonly string? _password;

    private TestDatabase(string folder, string? adminConnection, string? name, string? password)
    {
        Folder = folder;
        _adminConnection = adminConnection;
        _name = name;
        _password = password;
    }

    public static bool OnPostgres => Provider == "postgresql";

    /// <summary>Read once: a run is on one provider from its first test to its last.</summary>
    public static string Provider { get; } = ReadProvider();

    public string Folder { get; }

    /// <summary>The configuration a server needs to use this database, as command-line arguments.</summary>
    public IReadOnlyList<string> ServerArguments => _name is null
        ? [$"--Storage:Sqlite:Path={Path.Combine(Folder, "referral.db")}"]
        : ["--Storage:Provider=postgresql", $"--ConnectionStrings:Referral={ConnectionString}"];

    /// <summary>This test's own database and role, as the API is given them (PostgreSQL only).</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _name, Username = _name, Password = _password }.ConnectionString;

    public static async Task<TestDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "referral-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (!OnPostgres)
        {
            return new TestDatabase(folder, null, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("REFERRAL_TEST_POSTGRES");
        var name = $"referral_t_{Guid.NewGuid():N}";
        var password = Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        // Names and password are hex from a Guid: nothing to quote.
        await ExecuteAsync(connection, $"CREATE ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '{password}'");
        await ExecuteAsync(connection, $"CREATE DATABASE {name} OWNER {name}");
        return new TestDatabase(folder, admin, name, password);
    }

    public async ValueTask DisposeAsync()
    {
        if (_name is not null)
        {
            // FORCE: a killed server's connections may not have been closed by the server yet.
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
            await ExecuteAsync(connection, $"DROP ROLE IF EXISTS {_name}");
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up; not a test failure.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string ReadProvider()
    {
        var provider = Environment.GetEnvironmentVariable("REFERRAL_TEST_PROVIDER");
        switch (string.IsNullOrWhiteSpace(provider) ? "sqlite" : provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                return "sqlite";
            case "postgresql":
                // Never a silent fall back to SQLite: a run that was meant for PostgreSQL must not pass without it.
                if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("REFERRAL_TEST_POSTGRES")))
                {
                    throw new InvalidOperationException(
                        "REFERRAL_TEST_PROVIDER=postgresql needs REFERRAL_TEST_POSTGRES, an admin connection string such as Host=127.0.0.1;Port=5432;Username=postgres (.ci/postgres.sh start prints one)");
                }

                return "postgresql";
            default:
                throw new InvalidOperationException($"REFERRAL_TEST_PROVIDER must be sqlite or postgresql, not '{provider}'");
        }
    }
}
