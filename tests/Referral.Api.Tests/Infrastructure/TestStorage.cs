using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Referral.Api.Tests.Infrastructure;

/// <summary>
/// Which database the tests run the API on: REFERRAL_TEST_PROVIDER = sqlite (the default) or
/// postgresql, the latter on the server REFERRAL_TEST_POSTGRES names with a superuser.
/// </summary>
public static class TestStorage
{
    public static bool IsPostgres { get; } = ProviderFromEnvironment() == "postgresql";

    /// <summary>The server's superuser connection; never the API's.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("REFERRAL_TEST_POSTGRES") is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                "REFERRAL_TEST_PROVIDER=postgresql needs REFERRAL_TEST_POSTGRES, a connection string to a server with a superuser "
                + "(e.g. Host=127.0.0.1;Port=55431;Username=postgres). The tests never fall back to SQLite.");

    /// <summary>
    /// An instant as the database gives it back: PostgreSQL's timestamptz keeps microseconds, not
    /// .NET's tenths of one (a difference the README states), SQLite's text keeps every digit.
    /// </summary>
    public static DateTimeOffset AsStored(DateTimeOffset instant) => IsPostgres ? Referral.Data.Postgres.PostgresTime.Stored(instant) : instant;

    /// <summary>Points the API at the SQLite file, or at the PostgreSQL database, whichever the tests run on.</summary>
    public static void UseIn(IWebHostBuilder builder, string sqlitePath, Func<PostgresTestDatabase> postgres)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(postgres);
        if (IsPostgres)
        {
            builder.UseSetting("Storage:Provider", "postgresql");
            builder.UseSetting("ConnectionStrings:Referral", postgres().ApplicationConnectionString);
        }
        else
        {
            builder.UseSetting("Storage:Sqlite:Path", sqlitePath);
        }
    }

    /// <summary>The same, for a process the test starts (an operator's verb).</summary>
    public static void UseIn(IDictionary<string, string?> environment, string sqlitePath, Func<PostgresTestDatabase> postgres)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(postgres);
        if (IsPostgres)
        {
            environment["Storage__Provider"] = "postgresql";
            environment["ConnectionStrings__Referral"] = postgres().ApplicationConnectionString;
        }
        else
        {
            environment["Storage__Sqlite__Path"] = sqlitePath;
        }
    }

    private static string ProviderFromEnvironment() =>
        Environment.GetEnvironmentVariable("REFERRAL_TEST_PROVIDER")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => "sqlite",
            "postgresql" => "postgresql",
            var other => throw new InvalidOperationException($"REFERRAL_TEST_PROVIDER is '{other}'; it must be sqlite or postgresql."),
        };
}

/// <summary>
/// A database of a test class's own on the test server, referral_t_&lt;guid&gt;, owned by a role of
/// the same name that the API connects as: not a superuser, so row-level security applies to it
/// as it should in production. Dropped, with its role, at dispose.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private PostgresTestDatabase(string name, string password)
    {
        Name = name;
        var admin = new NpgsqlConnectionStringBuilder(TestStorage.AdminConnectionString);
        AdminConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
        ApplicationConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Username = name, Password = password }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The superuser on this database: sees every row, as someone with the server would.</summary>
    public string AdminConnectionString { get; }

    /// <summary>What the API connects with: the database's owning role.</summary>
    public string ApplicationConnectionString { get; }

    public static PostgresTestDatabase Create()
    {
        var name = "referral_t_" + Guid.NewGuid().ToString("N");
        var password = Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(TestStorage.AdminConnectionString);
        connection.Open();
        // Names and password are hex from a Guid: nothing to quote.
        Execute(connection, $"CREATE ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '{password}'");
        Execute(connection, $"CREATE DATABASE {name} OWNER {name}");
        return new PostgresTestDatabase(name, password);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestStorage.AdminConnectionString);
        await connection.OpenAsync();
        Execute(connection, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        Execute(connection, $"DROP ROLE IF EXISTS {Name}");
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
