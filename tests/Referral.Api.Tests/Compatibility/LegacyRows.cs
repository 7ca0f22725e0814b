using Microsoft.Data.Sqlite;
using Referral.Api.Tests.Infrastructure;
using Referral.Data.Sqlite;

namespace Referral.Api.Tests.Compatibility;

/// <summary>
/// Rows exactly as the release before wire contracts and storage documents were separated
/// (commit cde7ab7) wrote them: captured once by posting through that build's API and reading
/// every column back (fixtures/*.json), never regenerated. The document column is the stored
/// text itself, escapes and member order included.
/// </summary>
public static class LegacyRows
{
    public static readonly Guid ActiveServiceId = Guid.Parse("8c346979-1a4a-4e7c-b6fc-71b1662bb983");
    public static readonly Guid RetiredServiceId = Guid.Parse("547316d2-2a9d-4d3d-a976-2722f2b18c43");
    public static readonly Guid ProfileId = Guid.Parse("d94bebf0-84ec-45a3-b1be-e887b63c5844");

    public static IReadOnlyList<JsonObject> Services { get; } = Load("service-rows.json");

    public static IReadOnlyList<JsonObject> Profiles { get; } = Load("profile-rows.json");

    public static JsonObject Service(Guid id) => Services.Single(r => r["id"]!.GetValue<string>() == id.ToString());

    public static JsonObject Profile(Guid id) => Profiles.Single(r => r["id"]!.GetValue<string>() == id.ToString());

    /// <summary>The document column of a row, as the text it was stored as.</summary>
    public static string Document(JsonObject row) => row["document"]!.GetValue<string>();

    /// <summary>Inserts each row as it was, column by column, with no code of this build in between.</summary>
    public static void Insert(SqliteConnection connection, string table, IEnumerable<JsonObject> rows)
    {
        foreach (var row in rows)
        {
            using var insert = connection.CreateCommand();
            var columns = row.Select(c => c.Key).ToList();
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
            foreach (var (column, value) in row)
            {
                insert.Parameters.AddWithValue("$" + column, value switch
                {
                    null => DBNull.Value,
                    JsonValue v when v.TryGetValue<long>(out var number) => number,
                    JsonValue v => v.GetValue<string>(),
                    _ => throw new InvalidDataException($"{table}.{column} is neither text, a whole number nor null"),
                });
            }

            insert.ExecuteNonQuery();
        }
    }

    private static List<JsonObject> Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Repository.PathOf($"tests/Referral.Api.Tests/Compatibility/fixtures/{file}")))!
            .AsArray().Select(r => r!.AsObject()).ToList();
}

/// <summary>
/// A database that the release before held these rows in, opened by this build: migrated as
/// far as that release went (its scripts were 0001 to 0005) and filled before the API starts,
/// so start-up upgrades it as it would a real one: 0006 derives the rows' codes from their
/// documents and the venue locator their coordinates, and the matching directory loads them.
/// </summary>
public sealed class LegacyRowsFactory : ApiFactory
{
    public LegacyRowsFactory()
    {
        var database = new SqliteConnectionFactory(DatabasePath);
        new SqliteMigrator(database).Migrate(before: "0006");

        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        LegacyRows.Insert(connection, "services", LegacyRows.Services);
        LegacyRows.Insert(connection, "profiles", LegacyRows.Profiles);
    }
}
