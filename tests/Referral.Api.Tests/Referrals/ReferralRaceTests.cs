using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Referrals;

/// <summary>
/// A referral racing a retire of its service: whichever commits first wins, and a referral
/// never lands on a service that was already closed. Commit order is taken from the database
/// itself (a log written by triggers inside each writing transaction, and SQLite has one writer
/// at a time), not from timestamps chosen before the write.
/// </summary>
public sealed class ReferralRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Pairs = 40;

    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Theory]
    [InlineData("signpost")]
    [InlineData("direct")]
    public async Task A_referral_racing_a_retire_of_its_service_never_lands_on_a_closed_service(string route)
    {
        await LogCommitOrderAsync();
        var profile = await ProfileBodies.Create(Practice, ProfileBodies.Valid($"RACE-{route}"));
        var profileId = profile["id"]!.GetValue<string>();
        var services = await Task.WhenAll(Enumerable.Range(0, Pairs).Select(async i =>
            (await ServiceBodies.Create(api.Admin(), ServiceBodies.At($"Race {route} {i}", "LS1 4AP")))["id"]!.GetValue<string>()));

        var outcomes = await Task.WhenAll(services.Select(async serviceId =>
        {
            var referral = Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, serviceId, endorsed: false, route: route));
            var retire = api.Admin().DeleteAsync($"/v1/services/{serviceId}");
            await Task.WhenAll(referral, retire);
            Assert.True(retire.Result.IsSuccessStatusCode, $"retire: {(int)retire.Result.StatusCode}");
            return referral.Result;
        }));

        // Either order is fine for the client: the referral was made first (201), or the retire
        // was, and the referral is refused as for any service that is not active (422).
        foreach (var response in outcomes)
        {
            if (response.StatusCode != HttpStatusCode.Created)
            {
                var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
                Assert.Contains("closed", problem["detail"]!.GetValue<string>());
            }
        }

        Assert.Empty((await ReferralsCommittedAfterTheirServiceClosedAsync()).Intersect(services));
        var created = outcomes.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(created, (await (await Practice.GetAsync($"/v1/referrals?profileId={profileId}&pageSize=100")).ReadObject())["total"]!.GetValue<int>());
    }

    private async Task LogCommitOrderAsync()
    {
        await using var connection = await api.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            CREATE TABLE IF NOT EXISTS commit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT NOT NULL, service_id TEXT NOT NULL);
            CREATE TRIGGER IF NOT EXISTS commit_log_referral AFTER INSERT ON referrals
            BEGIN INSERT INTO commit_log (what, service_id) VALUES ('referral', NEW.service_id); END;
            CREATE TRIGGER IF NOT EXISTS commit_log_retire AFTER UPDATE OF status ON services WHEN NEW.status = 'closed' AND OLD.status <> 'closed'
            BEGIN INSERT INTO commit_log (what, service_id) VALUES ('retire', NEW.id); END;
            """;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> ReferralsCommittedAfterTheirServiceClosedAsync()
    {
        await using var connection = await api.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT referral.service_id FROM commit_log referral
              JOIN commit_log retire ON retire.service_id = referral.service_id AND retire.what = 'retire'
             WHERE referral.what = 'referral' AND referral.seq > retire.seq
            """;
        var late = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            late.Add(reader.GetString(0));
        }

        return late;
    }
}
