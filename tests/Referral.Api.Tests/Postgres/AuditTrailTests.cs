using System.Data.Common;
using Dapper;
using Npgsql;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Postgres;

/// <summary>
/// The audit trail is append-only on PostgreSQL too, for the API's own role (which owns the
/// table) and for the server's superuser alike: triggers refuse every way of changing history.
/// </summary>
public sealed class AuditTrailTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Columns = "(id, referral_id, ods_code, action, detail, key_id, at)";
    private const string SameIdsTampered = "SELECT id, referral_id, ods_code, 'tampered', '{}', key_id, at FROM audit_events WHERE referral_id = @id";

    [PostgresTheory]
    [InlineData("UPDATE audit_events SET action = 'tampered' WHERE referral_id = @id")]
    [InlineData("DELETE FROM audit_events WHERE referral_id = @id")]
    [InlineData("TRUNCATE audit_events")]
    [InlineData("INSERT INTO audit_events " + Columns + " OVERRIDING SYSTEM VALUE " + SameIdsTampered + " ON CONFLICT (id) DO UPDATE SET action = 'tampered'")]
    [InlineData("MERGE INTO audit_events a USING (SELECT id FROM audit_events WHERE referral_id = @id) s ON a.id = s.id WHEN MATCHED THEN UPDATE SET action = 'tampered'")]
    public async Task Audit_rows_cannot_be_changed_or_deleted_by_the_api_s_role_or_a_superuser(string sql)
    {
        var id = Guid.Parse((await ReferralBodies.Create(api))["id"]!.GetValue<string>());

        foreach (var connectionString in new[] { api.Postgres.ApplicationConnectionString + ";Pooling=false", api.Postgres.AdminConnectionString })
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            // The practice is named, so that row-level security is not what stops the API's role.
            await connection.ExecuteAsync("SELECT set_config('referral.practice', @ods, true)", new { ods = ApiFactory.PracticeA }, transaction);
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(sql, new { id }, transaction));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }

        var audit = await (await api.ClientWithKey(api.PracticeAKey).GetAsync($"/v1/referrals/{id}/audit")).ReadObject<JsonArray>();
        Assert.Equal(["referral-created", "endorsed"], audit.Select(a => a!["action"]!.GetValue<string>()));
    }

    [PostgresFact]
    public async Task An_insert_cannot_choose_an_audit_id()
    {
        var id = Guid.Parse((await ReferralBodies.Create(api))["id"]!.GetValue<string>());
        await using var connection = await api.OpenDatabaseAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "INSERT INTO audit_events " + Columns + " " + SameIdsTampered, new { id }));

        // 428C9 generated_always: the identity column is GENERATED ALWAYS.
        Assert.Equal("428C9", refused.SqlState);
    }
}
