using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Referral.Api.Tests.Infrastructure;

/// <summary>
/// The API's database seen from outside the API: what is really stored, as someone with the
/// disk (or the server's superuser) would see it, and a way to damage it on purpose.
/// </summary>
public static class StoredData
{
    /// <summary>
    /// A connection of the test's own, not from the API's pool: to the SQLite file, or as the
    /// PostgreSQL server's superuser, whom row-level security does not hold back.
    /// </summary>
    public static async Task<DbConnection> OpenDatabaseAsync(this ApiFactory api)
    {
        DbConnection connection = TestStorage.IsPostgres
            ? new NpgsqlConnection(api.Postgres.AdminConnectionString)
            : new SqliteConnection($"Data Source={api.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>One value of a query run outside the API, with Dapper's parameters (@name); ids as Guids.</summary>
    public static async Task<T?> ScalarAsync<T>(this ApiFactory api, string sql, object? parameters = null)
    {
        await using var connection = await api.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }

    /// <summary>
    /// Fails if the words are anywhere in the database's files. SQLite: the file and its WAL,
    /// read while the API's pooled connections are still open, as an attacker with the disk
    /// would (closing them all would checkpoint the log anyway and hide the problem).
    /// PostgreSQL: every file of the test database (tables, TOAST, indexes, free space) after a
    /// CHECKPOINT has written the server's buffers out, when the server runs on this machine.
    /// The server's WAL is not read: it keeps what was written until its segments are recycled,
    /// which the README says (erasure on PostgreSQL).
    /// </summary>
    public static async Task AssertNowhereOnDiskAsync(this ApiFactory api, string words)
    {
        foreach (var file in await DatabaseFilesAsync(api))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            if (System.Text.Encoding.UTF8.GetString(bytes).Contains(words, StringComparison.Ordinal))
            {
                Assert.Fail($"{await NameOfAsync(api, file)} still holds \"{words}\"");
            }
        }
    }

    /// <summary>A file as a person would look it up: on PostgreSQL, the relation it holds.</summary>
    private static async Task<string> NameOfAsync(ApiFactory api, string file)
    {
        var name = Path.GetFileName(file);
        var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
        if (!TestStorage.IsPostgres || digits.Length == 0)
        {
            return name;
        }

        await using var connection = await api.OpenDatabaseAsync();
        var relation = await connection.ExecuteScalarAsync<string?>(
            "SELECT pg_filenode_relation(0, @node::oid)::text", new { node = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) });
        return $"{name} ({relation ?? "no relation"})";
    }

    /// <summary>
    /// The database's files on this machine; none (and the caller's assertion says nothing) only
    /// when the PostgreSQL server is elsewhere, which a test that needs them checks first.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DatabaseFilesAsync(this ApiFactory api)
    {
        if (!TestStorage.IsPostgres)
        {
            return new[] { api.DatabasePath, api.DatabasePath + "-wal" }.Where(File.Exists).ToList();
        }

        await using var connection = await api.OpenDatabaseAsync();
        await connection.ExecuteAsync("CHECKPOINT", commandType: System.Data.CommandType.Text);
        var dataDirectory = await connection.ExecuteScalarAsync<string>("SELECT current_setting('data_directory')");
        var oid = await connection.ExecuteScalarAsync<uint>("SELECT oid FROM pg_database WHERE datname = current_database()");
        var folder = Path.Combine(dataDirectory!, "base", oid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Whether the PostgreSQL server's files can be read from here (a server on this machine, tests run as root or postgres).</summary>
    public static async Task<bool> ServerFilesReadableAsync(this ApiFactory api) => (await api.DatabaseFilesAsync()).Count > 0;
}
