using Dapper;
using Npgsql;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Postgres;

/// <summary>
/// Row-level security is the second line of defence behind every query's ODS filter: a query
/// that forgets the filter, run as the API's own role, still sees only the practice its
/// transaction names, and with no practice named, nothing.
/// </summary>
public sealed class RowLevelSecurityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] PracticeTables = ["profiles", "referrals", "referral_events", "endorsements", "audit_events", "idempotency_keys", "recommendation_sets"];

    [PostgresFact]
    public async Task A_query_without_the_ods_filter_sees_only_the_practice_its_transaction_names()
    {
        await ReferralOfEachPractice();

        await using var connection = await OpenAsTheApiAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("SELECT set_config('referral.practice', @ods, true)", new { ods = ApiFactory.PracticeA }, transaction);
            var referrals = (await connection.QueryAsync<string>("SELECT ods_code FROM referrals", transaction: transaction)).ToList();
            var profiles = (await connection.QueryAsync<string>("SELECT ods_code FROM profiles", transaction: transaction)).ToList();
            Assert.NotEmpty(referrals);
            Assert.NotEmpty(profiles);
            Assert.All(referrals.Concat(profiles), ods => Assert.Equal(ApiFactory.PracticeA, ods));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM referral_events v JOIN referrals r ON r.id = v.referral_id WHERE r.ods_code = @ods", new { ods = ApiFactory.PracticeB }, transaction));
        }

        // The setting was transaction-local: outside that transaction no practice is named.
        foreach (var table in PracticeTables)
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        }

        // The rows are there: the server's superuser, whom the policies do not hold back, sees both practices.
        await using var admin = await api.OpenDatabaseAsync();
        Assert.Equal(
            [ApiFactory.PracticeA, ApiFactory.PracticeB],
            (await admin.QueryAsync<string>("SELECT DISTINCT ods_code FROM referrals ORDER BY 1")).ToList());
    }

    [PostgresFact]
    public async Task Another_practice_s_rows_cannot_be_written_or_changed_under_a_practice_s_setting()
    {
        var (_, referralB) = await ReferralOfEachPractice();

        await using var connection = await OpenAsTheApiAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('referral.practice', @ods, true)", new { ods = ApiFactory.PracticeA }, transaction);
        Assert.Equal(0, await connection.ExecuteAsync(
            "UPDATE referrals SET status = 'withdrawn' WHERE id = @id", new { id = referralB }, transaction));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "INSERT INTO profiles (id, ods_code, patient_ref, version, document, created_at, updated_at) VALUES (@id, @ods, 'RLS-1', 1, '{}', now(), now())",
            new { id = Guid.NewGuid(), ods = ApiFactory.PracticeB }, transaction));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("row-level security", refused.MessageText, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task The_api_connects_as_a_role_the_policies_hold()
    {
        await using var connection = await OpenAsTheApiAsync();
        var (superuser, bypass) = await connection.QuerySingleAsync<(bool, bool)>(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
        Assert.False(superuser);
        Assert.False(bypass);
        var forced = (await connection.QueryAsync<string>(
            "SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relname = ANY(@tables)", new { tables = PracticeTables })).ToList();
        Assert.Equal(PracticeTables.Order(), forced.Order());
    }

    private async Task<NpgsqlConnection> OpenAsTheApiAsync()
    {
        var connection = new NpgsqlConnection(api.Postgres.ApplicationConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private async Task<(Guid A, Guid B)> ReferralOfEachPractice()
    {
        var a = Guid.Parse((await ReferralBodies.Create(api))["id"]!.GetValue<string>());
        var practiceB = api.ClientWithKey(api.PracticeBKey);
        var service = await ServiceBodies.Create(api.Admin(), ServiceBodies.At("RLS target", "LS1 4AP"));
        var profile = await ProfileBodies.Create(practiceB, ProfileBodies.Valid($"RLS-B-{Guid.NewGuid():N}"));
        var referral = await (await practiceB.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profile["id"]!.GetValue<string>(), service["id"]!.GetValue<string>())))
            .ReadObject(HttpStatusCode.Created);
        return (a, Guid.Parse(referral["id"]!.GetValue<string>()));
    }
}
