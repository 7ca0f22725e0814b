using Dapper;
using Xunit.Abstractions;
using Referral.Api.Tests.Infrastructure;
using Referral.Data.Postgres;

namespace Referral.Api.Tests.Postgres;

/// <summary>
/// Erasure on PostgreSQL: at once, no live row holds the person's words (for any role, the
/// superuser included); after the operator's compaction (PostgresCompaction, the README's
/// procedure), no file of the database does either. The server's WAL is outside what this can
/// check and is described in the README.
/// </summary>
public sealed class ErasureTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private const string Words = "Zephyrine-Quillfeather";

    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [PostgresFact]
    public async Task Erased_words_are_in_no_live_row_at_once_and_in_no_file_after_compaction()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api, p => p["patientRef"] = $"{Words}-ref");
        var body = ReferralBodies.Referral(profileId, serviceId);
        body["endorsement"]!["note"] = $"{Words} needs a quiet group";
        var referral = await (await Practice.PostAsJsonAsync("/v1/referrals", body)).ReadObject(HttpStatusCode.Created);
        await ReferralBodies.Move(Practice, referral["id"]!.GetValue<string>(), "offered", reason: $"Rang {Words} at home");
        await (await Practice.PostAsync($"/v1/profiles/{profileId}/recommendations", null)).ReadObject(HttpStatusCode.Created);
        var filesBefore = await api.DatabaseFilesAsync();
        // The file check below can fail: before the erasure, the words are there to be found.
        var readable = filesBefore.Count > 0;
        Assert.True(!readable || filesBefore.Any(file => File.ReadAllText(file).Contains(Words, StringComparison.Ordinal)), "the words were never written");

        Assert.Equal(HttpStatusCode.NoContent, (await Practice.DeleteAsync($"/v1/profiles/{profileId}")).StatusCode);

        await using (var admin = await api.OpenDatabaseAsync())
        {
            foreach (var table in PostgresCompaction.PersonalTables.Append("audit_events"))
            {
                Assert.Equal(0L, await admin.ExecuteScalarAsync<long>(
                    $"SELECT COUNT(*) FROM {table} t WHERE t::text LIKE @words", new { words = $"%{Words}%" }));
            }
        }

        if (!readable)
        {
            await PostgresCompaction.CompactAsync(api.Postgres.ApplicationConnectionString, default);
            output.WriteLine("The test server's files cannot be read from here: only live rows were checked.");
            return;
        }

        // Compaction keeps row versions that a transaction still running might see (here, at
        // worst an autovacuum ANALYZE of the new database's catalogs), as the README says; the
        // next run, once that transaction is over, removes them.
        for (var run = 1; ; run++)
        {
            await PostgresCompaction.CompactAsync(api.Postgres.ApplicationConnectionString, default);
            try
            {
                await api.AssertNowhereOnDiskAsync(Words);
                return;
            }
            catch (Xunit.Sdk.FailException still) when (run < 5)
            {
                output.WriteLine($"After compaction {run}: {still.Message}");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
