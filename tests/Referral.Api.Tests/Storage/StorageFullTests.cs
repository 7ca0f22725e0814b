using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Storage;

/// <summary>
/// The database may not grow (Storage:Sqlite:MaxPageCount, which SQLite never sets below the
/// file's current size, so 1 means "not one page more"): the same SQLITE_FULL a full disk
/// gives, without filling the test machine's disk.
/// </summary>
public sealed class CappedApi : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Storage:Sqlite:MaxPageCount"] = "1",
    };
}

public sealed class StorageFullTests(CappedApi api) : IClassFixture<CappedApi>
{
    [SqliteFact("the file's page cap (Storage:Sqlite:MaxPageCount)")]
    public async Task A_full_database_refuses_writes_with_503_keeps_reading_and_recovers_when_space_is_freed()
    {
        // Room an operator can free later, taken by someone else on the same volume (the cap
        // applies to the API's connections only).
        await using (var other = await api.OpenDatabaseAsync())
        {
            await using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE ballast (b BLOB); INSERT INTO ballast VALUES (zeroblob(262144));";
            await command.ExecuteNonQueryAsync();
        }

        var admin = api.Admin();
        var stored = new List<string>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var response = await admin.PostAsJsonAsync("/v1/services", Big($"Full disk group {i}"));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                stored.Add((await response.ReadObject(HttpStatusCode.Created))["id"]!.GetValue<string>());
            }
            else
            {
                refused = response;
            }
        }

        Assert.True(refused is not null, "no write was refused although the database could not grow");
        await refused.AssertRefused("Storage full");

        // Nothing half-written: exactly the acknowledged services are stored, and the file is sound.
        await using (var other = await api.OpenDatabaseAsync())
        {
            await using var command = other.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM services";
            Assert.Equal(stored.Count, Convert.ToInt32(await command.ExecuteScalarAsync()));
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await command.ExecuteScalarAsync());
        }

        // Reads carry on, and readiness says why writes do not.
        var page = await (await api.Anonymous().GetAsync("/v1/services?pageSize=100")).ReadObject();
        Assert.Equal(stored.Count, page["total"]!.GetValue<int>());
        foreach (var id in stored)
        {
            await (await api.Anonymous().GetAsync($"/v1/services/{id}")).ReadObject();
        }

        await api.AssertNotReady(because: "full");

        // The operator frees space: writes are accepted again and readiness recovers.
        await using (var other = await api.OpenDatabaseAsync())
        {
            await using var command = other.CreateCommand();
            command.CommandText = "DROP TABLE ballast";
            await command.ExecuteNonQueryAsync();
        }

        var after = await ServiceBodies.Create(admin, Big("After the clean-up"));
        await (await api.Anonymous().GetAsync($"/v1/services/{after["id"]}")).ReadObject();
        await api.AssertReady();
    }

    // Near the largest description allowed, so that a few services fill a page.
    private static JsonObject Big(string name) => ServiceBodies.With(b =>
    {
        b["name"] = name;
        b["description"] = string.Concat(Enumerable.Repeat("A weekly peer group for people living with low mood. ", 36));
    });
}
