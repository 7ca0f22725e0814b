using System.IO.Compression;
using System.Net.Http.Headers;
using DbUp;
using Microsoft.Data.Sqlite;
using Referral.Api.Tests.Infrastructure;

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

    public LegacySetFactory()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();
        var upgrade = DeployChanges.To.SqliteDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(
                typeof(Referral.Data.Sqlite.SqliteMigrator).Assembly,
                name => name.StartsWith("Referral.Data.Migrations.Sqlite.", StringComparison.Ordinal)
                        && string.CompareOrdinal(name, "Referral.Data.Migrations.Sqlite.0004") < 0)
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.True(upgrade.Successful, upgrade.Error?.ToString());

        using var connection = new SqliteConnection(connectionString);
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
    }
}

public sealed class LegacySetTests(LegacySetFactory api) : IClassFixture<LegacySetFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    public async Task A_set_stored_before_compression_reads_back_unchanged(string? acceptEncoding)
    {
        var client = api.ClientWithKey(api.PracticeAKey);
        if (acceptEncoding is not null)
        {
            client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
        }

        var response = await client.GetAsync($"/v1/recommendations/{LegacySetFactory.SetId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(LegacySetFactory.Document, await response.Content.ReadAsStringAsync());
    }
}
