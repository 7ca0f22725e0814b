using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Compatibility;

/// <summary>
/// Writing a row written before keeps its document as it was: what was read and sent back
/// unchanged is stored byte for byte as the release before stored it (member names, order,
/// escapes, nulls), so old and new rows can never drift apart.
/// </summary>
public sealed class StoredRowWriteTests(LegacyRowsFactory api) : IClassFixture<LegacyRowsFactory>
{
    private static readonly string[] DirectoryFields = ["id", "version", "venueDistrict", "createdAt", "updatedAt"];

    private async Task<(string Document, JsonObject Columns)> StoredRow(string table, Guid id, params string[] columns)
    {
        await using var connection = (Microsoft.Data.Sqlite.SqliteConnection)await api.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT document, {string.Join(", ", columns)} FROM {table} WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var values = new JsonObject();
        for (var i = 1; i < reader.FieldCount; i++)
        {
            values[reader.GetName(i)] = reader.IsDBNull(i) ? null : JsonValue.Create(reader.GetValue(i).ToString());
        }

        return (reader.GetString(0), values);
    }

    [SqliteFact("rows as earlier SQLite releases stored them; PostgreSQL has no earlier releases")]
    public async Task A_stored_service_sent_back_unchanged_is_stored_byte_for_byte_as_before_and_retired_in_place()
    {
        var admin = api.Admin();
        var read = await admin.GetAsync($"/v1/services/{LegacyRows.ActiveServiceId}");
        var body = await read.ReadObject();
        foreach (var field in DirectoryFields)
        {
            body.Remove(field);
        }

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/v1/services/{LegacyRows.ActiveServiceId}") { Content = JsonContent.Create(body) };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        var replaced = await (await admin.SendAsync(put)).ReadObject();

        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        var (document, columns) = await StoredRow("services", LegacyRows.ActiveServiceId, "version", "status", "venue_district");
        Assert.Equal(LegacyRows.Document(LegacyRows.Service(LegacyRows.ActiveServiceId)), document);
        Assert.Equal("2", columns["version"]!.GetValue<string>());
        Assert.Equal("active", columns["status"]!.GetValue<string>());
        Assert.Equal("LS7", columns["venue_district"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/services/{LegacyRows.ActiveServiceId}")).StatusCode);

        // Retiring rewrites one member in SQL (json_set); every other member stays as it was.
        var (retired, _) = await StoredRow("services", LegacyRows.ActiveServiceId, "status");
        var expected = JsonNode.Parse(LegacyRows.Document(LegacyRows.Service(LegacyRows.ActiveServiceId)))!.AsObject();
        expected["status"] = "closed";
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(retired)), retired);
        var closed = await (await admin.GetAsync($"/v1/services/{LegacyRows.ActiveServiceId}")).ReadObject();
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
    }

    [SqliteFact("rows as earlier SQLite releases stored them; PostgreSQL has no earlier releases")]
    public async Task A_changed_service_keeps_the_stored_member_names()
    {
        var admin = api.Admin();
        var read = await admin.GetAsync($"/v1/services/{LegacyRows.RetiredServiceId}");
        var body = await read.ReadObject();
        foreach (var field in DirectoryFields)
        {
            body.Remove(field);
        }

        body["status"] = "paused";
        body["eligibility"] = new JsonObject { ["minAge"] = 16 };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/v1/services/{LegacyRows.RetiredServiceId}") { Content = JsonContent.Create(body) };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        await (await admin.SendAsync(put)).ReadObject();

        var (document, _) = await StoredRow("services", LegacyRows.RetiredServiceId, "status");
        var before = JsonNode.Parse(LegacyRows.Document(LegacyRows.Service(LegacyRows.RetiredServiceId)))!.AsObject();
        var after = JsonNode.Parse(document)!.AsObject();
        Assert.Equal(Names(before), Names(after));
        Assert.Equal("paused", after["status"]!.GetValue<string>());
        Assert.Equal(16, after["eligibility"]!["minAge"]!.GetValue<int>());
        Assert.Null(after["eligibility"]!["maxAge"]);
    }

    [SqliteFact("rows as earlier SQLite releases stored them; PostgreSQL has no earlier releases")]
    public async Task A_stored_profile_sent_back_unchanged_is_stored_byte_for_byte_as_before()
    {
        var practice = api.ClientWithKey(api.PracticeAKey);
        var read = await practice.GetAsync($"/v1/profiles/{LegacyRows.ProfileId}");
        var view = await read.ReadObject();
        var row = LegacyRows.Profile(LegacyRows.ProfileId);

        // A profile is sent as recorded, not as viewed: the practice system has the NHS number
        // (only a masked one comes back), and the district is a postcode the API accepts.
        var body = new JsonObject
        {
            ["patientRef"] = view["patientRef"]!.DeepClone(),
            ["nhsNumber"] = row["nhs_number"]!.DeepClone(),
            ["birthYear"] = view["birthYear"]!.DeepClone(),
            ["postcode"] = view["postcodeDistrict"]!.DeepClone(),
            ["maxTravelKm"] = view["maxTravelKm"]!.DeepClone(),
            ["conditions"] = view["conditions"]!.DeepClone(),
            ["communities"] = view["communities"]!.DeepClone(),
            ["languages"] = view["languages"]!.DeepClone(),
            ["needsInterpreter"] = view["needsInterpreter"]!.DeepClone(),
            ["accessibilityNeeds"] = view["accessibilityNeeds"]!.DeepClone(),
            ["formats"] = view["formats"]!.DeepClone(),
            ["availability"] = view["availability"]!.DeepClone(),
            ["costLimit"] = view["costLimit"]!.DeepClone(),
            ["hasUsedPeerSupport"] = view["hasUsedPeerSupport"]!.DeepClone(),
            ["personality"] = new JsonObject { ["tipi"] = view["personality"]!["tipi"]!.DeepClone(), ["ucla3"] = view["personality"]!["ucla3"]!.DeepClone() },
            ["factorPriorities"] = view["factorPriorities"]!.DeepClone(),
            ["consent"] = view["consent"]!.DeepClone(),
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/v1/profiles/{LegacyRows.ProfileId}") { Content = JsonContent.Create(body) };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        var replaced = await (await practice.SendAsync(put)).ReadObject();

        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        var (document, columns) = await StoredRow("profiles", LegacyRows.ProfileId, "nhs_number", "patient_ref");
        Assert.Equal(LegacyRows.Document(row), document);
        Assert.Equal(row["nhs_number"]!.GetValue<string>(), columns["nhs_number"]!.GetValue<string>());
        Assert.Equal(row["patient_ref"]!.GetValue<string>(), columns["patient_ref"]!.GetValue<string>());
    }

    /// <summary>Every member name of a document, nested ones as paths ("capacity.status").</summary>
    private static string[] Names(JsonObject document, string prefix = "") =>
        document.SelectMany(m => m.Value is JsonObject inner
                ? Names(inner, prefix + m.Key + ".").Prepend(prefix + m.Key)
                : [prefix + m.Key])
            .ToArray();
}
