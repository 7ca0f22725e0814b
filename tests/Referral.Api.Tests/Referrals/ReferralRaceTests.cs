using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Referrals;

/// <summary>
/// A referral racing a retire of its service, or a withdrawal of the patient's consent:
/// whichever commits first wins, and a referral is never stored against a state that no longer
/// allows it. Commit order is taken from the database
/// itself (a log written by triggers inside each writing transaction: SQLite has one writer at a
/// time, and on PostgreSQL the second of two conflicting writes waits for the first's row lock
/// before it writes its log row), not from timestamps chosen before the write.
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

    [Fact]
    public async Task A_direct_referral_racing_a_withdrawal_of_consent_never_lands_after_it()
    {
        await LogCommitOrderAsync();
        var (_, serviceId) = await ReferralBodies.Parties(api);
        var profiles = await Task.WhenAll(Enumerable.Range(0, Pairs).Select(async i =>
            (await ProfileBodies.Create(Practice, ProfileBodies.Valid($"CONSENT-{i}")))["id"]!.GetValue<string>()));

        var outcomes = await Task.WhenAll(profiles.Select(async (profileId, i) =>
        {
            var referral = Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, serviceId, endorsed: false, route: "direct"));
            var withdrawal = Practice.PutAsJsonAsync($"/v1/profiles/{profileId}", ProfileBodies.With(p => p["consent"]!["shareWithProvider"] = false, $"CONSENT-{i}"));
            await Task.WhenAll(referral, withdrawal);
            Assert.True(withdrawal.Result.IsSuccessStatusCode, $"withdrawal: {(int)withdrawal.Result.StatusCode}");
            return referral.Result;
        }));

        foreach (var response in outcomes.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("shareWithProvider", problem["detail"]!.GetValue<string>());
        }

        // Each profile changed exactly once here (its withdrawal of consent), so any referral of
        // it committed after that change was judged on a consent it no longer had.
        Assert.Empty((await ReferralsCommittedAfterTheirProfileChangedAsync()).Intersect(profiles));
    }

    private async Task LogCommitOrderAsync()
    {
        await using var connection = await api.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = TestStorage.IsPostgres
            ? """
              CREATE TABLE IF NOT EXISTS commit_log (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, what text NOT NULL, service_id text NULL, profile_id text NULL);
              -- SECURITY DEFINER: the API's role may not write the superuser's log table itself.
              CREATE OR REPLACE FUNCTION commit_log_referral() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
              BEGIN INSERT INTO commit_log (what, service_id, profile_id) VALUES ('referral', NEW.service_id::text, NEW.profile_id::text); RETURN NULL; END $$;
              CREATE OR REPLACE TRIGGER commit_log_referral AFTER INSERT ON referrals FOR EACH ROW EXECUTE FUNCTION commit_log_referral();
              CREATE OR REPLACE FUNCTION commit_log_retire() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
              BEGIN INSERT INTO commit_log (what, service_id) VALUES ('retire', NEW.id::text); RETURN NULL; END $$;
              CREATE OR REPLACE TRIGGER commit_log_retire AFTER UPDATE OF status ON services FOR EACH ROW
                  WHEN (NEW.status = 'closed' AND OLD.status <> 'closed') EXECUTE FUNCTION commit_log_retire();
              CREATE OR REPLACE FUNCTION commit_log_profile() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
              BEGIN INSERT INTO commit_log (what, profile_id) VALUES ('profile-changed', NEW.id::text); RETURN NULL; END $$;
              CREATE OR REPLACE TRIGGER commit_log_profile AFTER UPDATE OF version ON profiles FOR EACH ROW EXECUTE FUNCTION commit_log_profile();
              """
            : """
              CREATE TABLE IF NOT EXISTS commit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT NOT NULL, service_id TEXT NULL, profile_id TEXT NULL);
              CREATE TRIGGER IF NOT EXISTS commit_log_referral AFTER INSERT ON referrals
              BEGIN INSERT INTO commit_log (what, service_id, profile_id) VALUES ('referral', NEW.service_id, NEW.profile_id); END;
              CREATE TRIGGER IF NOT EXISTS commit_log_retire AFTER UPDATE OF status ON services WHEN NEW.status = 'closed' AND OLD.status <> 'closed'
              BEGIN INSERT INTO commit_log (what, service_id) VALUES ('retire', NEW.id); END;
              CREATE TRIGGER IF NOT EXISTS commit_log_profile AFTER UPDATE OF version ON profiles
              BEGIN INSERT INTO commit_log (what, profile_id) VALUES ('profile-changed', NEW.id); END;
              """;
        await command.ExecuteNonQueryAsync();
    }

    private Task<List<string>> ReferralsCommittedAfterTheirServiceClosedAsync() => QueryAsync(
        """
        SELECT referral.service_id FROM commit_log referral
          JOIN commit_log retire ON retire.service_id = referral.service_id AND retire.what = 'retire'
         WHERE referral.what = 'referral' AND referral.seq > retire.seq
        """);

    private Task<List<string>> ReferralsCommittedAfterTheirProfileChangedAsync() => QueryAsync(
        """
        SELECT referral.profile_id FROM commit_log referral
          JOIN commit_log change ON change.profile_id = referral.profile_id AND change.what = 'profile-changed'
         WHERE referral.what = 'referral' AND referral.seq > change.seq
        """);

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = await api.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var late = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            late.Add(reader.GetString(0));
        }

        return late;
    }
}
