using System.IO.Compression;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Data.Sqlite;
using Referral.Api.Tests.Infrastructure;
using Referral.Data.Sqlite;

namespace Referral.Api.Tests.Recommendations;

/// <summary>
/// Sets are kept gzip-compressed. Whatever the client accepts and however a set is held, the
/// JSON it reads is byte for byte the JSON first returned.
/// </summary>
public sealed class StoredSetEncodingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(string Location, byte[] Json)> NewSet(string patientRef)
    {
        var practice = api.ClientWithKey(api.PracticeAKey);
        await ServiceBodies.Create(api.Admin(), ServiceBodies.OnlineNational($"Encoding {patientRef}"));
        var profileId = (await ProfileBodies.Create(practice, ProfileBodies.Valid(patientRef)))["id"]!.GetValue<string>();
        var response = await practice.PostAsync($"/v1/profiles/{profileId}/recommendations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        return (response.Headers.Location!.OriginalString, await response.Content.ReadAsByteArrayAsync());
    }

    private HttpClient Accepting(string acceptEncoding)
    {
        var client = api.ClientWithKey(api.PracticeAKey);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return client;
    }

    private static byte[] Gunzip(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        var json = new MemoryStream();
        gzip.CopyTo(json);
        return json.ToArray();
    }

    [Fact]
    public async Task A_client_that_accepts_gzip_gets_the_stored_bytes_compressed()
    {
        var (location, json) = await NewSet("ENC-1");

        var response = await Accepting("gzip, deflate, br").GetAsync(location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length * 4 < json.Length, $"{body.Length} compressed bytes for {json.Length} of JSON");
        Assert.Equal(json, Gunzip(body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("gzip;q=0")]
    [InlineData("gzip;q=0, *")]
    [InlineData("br")]
    public async Task Any_other_client_gets_the_json_itself(string? acceptEncoding)
    {
        var (location, json) = await NewSet($"ENC-{Guid.NewGuid():N}");
        var client = acceptEncoding is null ? api.ClientWithKey(api.PracticeAKey) : Accepting(acceptEncoding);

        var response = await client.GetAsync(location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(json, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("cut in half", "substr(document, 1, length(document) / 2)", "substring(document from 1 for length(document) / 2)")]
    [InlineData("trailer missing", "substr(document, 1, length(document) - 8)", "substring(document from 1 for length(document) - 8)")]
    [InlineData("a byte changed", "substr(document, 1, 40) || x'00' || substr(document, 42)", "substring(document from 1 for 40) || '\\x00'::bytea || substring(document from 42)")]
    public async Task A_damaged_row_is_an_error_never_part_of_a_set(string damage, string sqlite, string postgres)
    {
        var (location, _) = await NewSet($"ENC-{Guid.NewGuid():N}");
        await using (var connection = await api.OpenDatabaseAsync())
        {
            var sql = TestStorage.IsPostgres ? postgres : sqlite;
            Assert.Equal(1, await connection.ExecuteAsync(
                $"UPDATE recommendation_sets SET document = {sql} WHERE id = @id", new { id = Guid.Parse(location.Split('/')[^1]) }));
        }

        // A damaged row is a server fault no API call can cause, and 500 is not part of the contract.
        var gzip = api.UncheckedClientWithKey(api.PracticeAKey);
        gzip.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        foreach (var client in new[] { api.UncheckedClientWithKey(api.PracticeAKey), gzip })
        {
            var response = await client.GetAsync(location);
            Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{damage}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task The_first_response_can_be_compressed_too()
    {
        var practice = Accepting("gzip");
        var profileId = (await ProfileBodies.Create(practice, ProfileBodies.Valid("ENC-POST")))["id"]!.GetValue<string>();

        var response = await practice.PostAsync($"/v1/profiles/{profileId}/recommendations", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var later = await api.ClientWithKey(api.PracticeAKey).GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(await later.Content.ReadAsByteArrayAsync(), Gunzip(await response.Content.ReadAsByteArrayAsync()));
    }
}

/// <summary>
/// A database created before sets were compressed: migration 0004 keeps its sets as they were,
/// marked identity, and they still read back byte for byte.
/// </summary>
public sealed class LegacySetFactory : ApiFactory
{
    public static readonly Guid SetId = Guid.Parse("6f0c3a52-8f2e-4a47-9d53-0b6cc1f4a001");

    // Not re-serialised anywhere: the exact text, spacing and all, must come back.
    public const string Document = """{"id":"6f0c3a52-8f2e-4a47-9d53-0b6cc1f4a001", "items": [], "note":"stored before 0004"}""";

    // A patient with a set stored before 0004, erased after it: the words in that set must not
    // survive in the pages the migration freed.
    public static readonly Guid ErasedProfileId = Guid.Parse("0d8f5a8e-3c55-4df0-8f62-0b0d7b0c9b11");
    public const string ErasedMarker = "Ottoline-Brackenbury";

    public LegacySetFactory()
    {
        var database = new SqliteConnectionFactory(DatabasePath);
        new SqliteMigrator(database).Migrate(before: "0004");

        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText =
            """
            INSERT INTO recommendation_sets (id, ods_code, profile_id, profile_version, engine_version, document, created_at)
            VALUES ($id, 'A81001', '0d8f5a8e-3c55-4df0-8f62-0b0d7b0c9b10', 1, '1.0.0', $document, '2026-11-01T09:00:00.0000000+00:00')
            """;
        insert.Parameters.AddWithValue("$id", SetId.ToString());
        insert.Parameters.AddWithValue("$document", Document);
        insert.ExecuteNonQuery();

        using var erased = connection.CreateCommand();
        erased.CommandText =
            """
            INSERT INTO profiles (id, ods_code, patient_ref, version, nhs_number, document, created_at, updated_at)
            VALUES ($profile, 'A81001', 'LEGACY-ERASED', 1, NULL, '{}', '2026-11-01T09:00:00.0000000+00:00', '2026-11-01T09:00:00.0000000+00:00');
            INSERT INTO recommendation_sets (id, ods_code, profile_id, profile_version, engine_version, document, created_at)
            VALUES ($set, 'A81001', $profile, 1, '1.0.0', $document, '2026-11-01T09:00:00.0000000+00:00');
            """;
        erased.Parameters.AddWithValue("$profile", ErasedProfileId.ToString());
        erased.Parameters.AddWithValue("$set", Guid.NewGuid().ToString());
        erased.Parameters.AddWithValue("$document", $$"""{"items":[{"reason":"Run by {{ErasedMarker}}, whom you named."}]}""");
        erased.ExecuteNonQuery();
    }
}

public sealed class LegacySetTests(LegacySetFactory api) : IClassFixture<LegacySetFactory>
{
    [SqliteTheory("sets stored by SQLite releases before compression; PostgreSQL has only compressed sets")]
    [InlineData(null)]
    [InlineData("gzip")]
    public async Task A_set_stored_before_compression_reads_back_unchanged(string? acceptEncoding)
    {
        // The stored document is hand-written, not a set the API made: only its bytes are the point.
        var client = api.UncheckedClientWithKey(api.PracticeAKey);
        if (acceptEncoding is not null)
        {
            client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
        }

        var response = await client.GetAsync($"/v1/recommendations/{LegacySetFactory.SetId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(LegacySetFactory.Document, await response.Content.ReadAsStringAsync());
    }

    [SqliteFact("SQLite's migration 0004 rebuilt the table")]
    public async Task The_rebuilt_table_keeps_its_profile_index()
    {
        await using var connection = await api.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name) FROM pragma_index_info('ix_recommendation_sets_profile')";
        Assert.Equal("ods_code,profile_id", await command.ExecuteScalarAsync());
    }

    [SqliteFact("sets stored by SQLite releases before compression; PostgresGuaranteeTests covers erasure on PostgreSQL")]
    public async Task Erasing_a_patient_leaves_no_copy_of_their_pre_migration_set()
    {
        var practice = api.ClientWithKey(api.PracticeAKey);
        Assert.Equal(HttpStatusCode.NoContent, (await practice.DeleteAsync($"/v1/profiles/{LegacySetFactory.ErasedProfileId}")).StatusCode);

        await api.AssertNowhereOnDiskAsync(LegacySetFactory.ErasedMarker);
    }
}
