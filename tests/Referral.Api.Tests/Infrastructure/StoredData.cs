using Microsoft.Data.Sqlite;

namespace Referral.Api.Tests.Infrastructure;

/// <summary>
/// The API's database seen from outside the API: what is really stored, as someone with the
/// disk would see it, and a way to damage it on purpose.
/// </summary>
public static class StoredData
{
    /// <summary>A connection of the test's own, not from the API's pool.</summary>
    public static async Task<SqliteConnection> OpenDatabaseAsync(this ApiFactory api)
    {
        var connection = new SqliteConnection($"Data Source={api.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Fails if the words are anywhere in the database file or its WAL. Read while the API's
    /// pooled connections are still open, as an attacker with the disk would: closing them all
    /// would checkpoint the log anyway and hide the problem.
    /// </summary>
    public static async Task AssertNowhereOnDiskAsync(this ApiFactory api, string words)
    {
        foreach (var file in new[] { api.DatabasePath, api.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(
                System.Text.Encoding.UTF8.GetString(bytes).IndexOf(words, StringComparison.Ordinal) < 0,
                $"{Path.GetFileName(file)} still holds \"{words}\"");
        }
    }
}
