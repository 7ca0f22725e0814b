using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Tests.Infrastructure;
using Referral.Api.Features.Referrals;
using Referral.Api.Security;
using Referral.Domain.Referrals;

namespace Referral.Api.Tests.Referrals;

/// <summary>Retries, races, the audit trail and crashes: the referral record must never lie.</summary>
public sealed class ReferralSafetyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    private static HttpRequestMessage WithKey(JsonObject body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/referrals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_returns_the_first_response_and_creates_nothing()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        var key = Guid.NewGuid().ToString();

        var first = await Practice.SendAsync(WithKey(body, key));
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await Practice.SendAsync(WithKey(body, key));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, (await (await Practice.GetAsync($"/v1/referrals?profileId={profileId}")).ReadObject())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Idempotency_keys_are_kept_only_as_hashes_and_a_malformed_one_is_400()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        const string key = "my-key-9449305552";
        var created = await Practice.SendAsync(WithKey(ReferralBodies.Referral(profileId, serviceId), key));
        var referralId = (await created.ReadObject(HttpStatusCode.Created))["id"]!.GetValue<string>();

        // The key's row must exist (it is what a retry is answered from), holding the key's
        // SHA-256 and nothing of the key itself.
        var stored = Assert.IsType<string>(await api.ScalarAsync<string>("SELECT key FROM idempotency_keys WHERE referral_id = @id", new { id = Guid.Parse(referralId) }));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), stored);
        await api.AssertNowhereOnDiskAsync(key);

        await (await Practice.SendAsync(WithKey(ReferralBodies.Referral(profileId, serviceId), new string('k', 101)))).AssertFieldError("Idempotency-Key");
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_422()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var key = Guid.NewGuid().ToString();
        await Practice.SendAsync(WithKey(ReferralBodies.Referral(profileId, serviceId), key));

        var problem = await (await Practice.SendAsync(WithKey(ReferralBodies.Referral(profileId, serviceId, endorsed: false), key))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_create_one_referral()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Practice.SendAsync(WithKey(body, key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, (await (await Practice.GetAsync($"/v1/referrals?profileId={profileId}")).ReadObject())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Of_concurrent_changes_made_from_the_same_version_exactly_one_wins_and_the_rest_get_412()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/referrals/{id}/events")
            {
                Content = JsonContent.Create(ReferralBodies.Event(i % 2 == 0 ? "offered" : "withdrawn")),
            };
            request.Headers.IfMatch.ParseAdd("\"1\"");
            return Practice.SendAsync(request);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        await AssertHistoryHasOneChange(id);
    }

    [Fact]
    public async Task Of_concurrent_identical_moves_exactly_one_wins_and_the_rest_get_409()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReferralBodies.Move(Practice, id, "offered")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await AssertHistoryHasOneChange(id);
    }

    private async Task AssertHistoryHasOneChange(string id)
    {
        var referral = await (await Practice.GetAsync($"/v1/referrals/{id}")).ReadObject();
        Assert.Equal(2, referral["history"]!.AsArray().Count);
        Assert.Equal(2, referral["version"]!.GetValue<int>());
        var audit = await (await Practice.GetAsync($"/v1/referrals/{id}/audit")).ReadObject<JsonArray>();
        Assert.Single(audit, a => a!["action"]!.GetValue<string>() == "status-changed");
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_key_that_made_it()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        await ReferralBodies.Move(Practice, id, "offered");
        await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement/withdrawal", new { reason = "changed my mind" });

        var audit = await (await Practice.GetAsync($"/v1/referrals/{id}/audit")).ReadObject<JsonArray>();

        Assert.Equal(["referral-created", "endorsed", "status-changed", "endorsement-withdrawn"], audit.Select(a => a!["action"]!.GetValue<string>()));
        Assert.Single(audit.Select(a => a!["keyId"]!.GetValue<string>()).Distinct());
        Assert.Equal("offered", audit[2]!["detail"]!["to"]!.GetValue<string>());
        var text = audit.ToJsonString();
        Assert.DoesNotContain("Okafor", text);
        Assert.DoesNotContain("changed my mind", text);
    }

    private const string Columns = "(id, referral_id, ods_code, action, detail, key_id, at)";
    private const string SameIdsTampered = "SELECT id, referral_id, ods_code, 'tampered', '{}', key_id, at FROM audit_events WHERE referral_id = $id";

    // REPLACE deletes the conflicting row without firing DELETE triggers, so every way of
    // writing over an existing id is tried, not only UPDATE and DELETE.
    [SqliteTheory("SQLite's REPLACE and OR REPLACE; PostgresGuaranteeTests holds PostgreSQL's counterpart")]
    [InlineData("UPDATE audit_events SET action = 'tampered' WHERE referral_id = $id")]
    [InlineData("UPDATE OR REPLACE audit_events SET action = 'tampered' WHERE referral_id = $id")]
    [InlineData("DELETE FROM audit_events WHERE referral_id = $id")]
    [InlineData("INSERT OR REPLACE INTO audit_events " + Columns + " " + SameIdsTampered)]
    [InlineData("REPLACE INTO audit_events " + Columns + " " + SameIdsTampered)]
    [InlineData("INSERT INTO audit_events " + Columns + " " + SameIdsTampered + " ON CONFLICT (id) DO UPDATE SET action = 'tampered'")]
    [InlineData("INSERT INTO audit_events " + Columns + " " + SameIdsTampered + " ON CONFLICT DO NOTHING")]
    [InlineData("INSERT OR IGNORE INTO audit_events " + Columns + " " + SameIdsTampered)]
    public async Task The_database_refuses_to_change_or_delete_audit_rows(string sql)
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        await using var connection = (SqliteConnection)await api.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.Message);
        var audit = await (await Practice.GetAsync($"/v1/referrals/{id}/audit")).ReadObject<JsonArray>();
        Assert.Equal(["referral-created", "endorsed"], audit.Select(a => a!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task New_audit_rows_can_still_be_added()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();

        await ReferralBodies.Move(Practice, id, "offered");

        var audit = await (await Practice.GetAsync($"/v1/referrals/{id}/audit")).ReadObject<JsonArray>();
        Assert.Equal("status-changed", audit[^1]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_crash_between_a_change_and_its_audit_row_leaves_neither()
    {
        var referral = await ReferralBodies.Create(api);
        var id = Guid.Parse(referral["id"]!.GetValue<string>());
        await Execute(TestStorage.IsPostgres
            ? """
              CREATE FUNCTION simulated_crash() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$;
              CREATE TRIGGER crash_on_status_audit BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.action = 'status-changed') EXECUTE FUNCTION simulated_crash();
              """
            : "CREATE TRIGGER crash_on_status_audit BEFORE INSERT ON audit_events WHEN NEW.action = 'status-changed' BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;");
        try
        {
            var workflow = api.Services.GetRequiredService<ReferralWorkflow>();
            await Assert.ThrowsAnyAsync<DbException>(() => workflow.MoveAsync(
                new PracticeKey(ApiFactory.PracticeA, Guid.NewGuid()), id, new StatusChangeInput { Status = "offered", OccurredAt = DateTimeOffset.UtcNow }, null, default));
        }
        finally
        {
            await Execute(TestStorage.IsPostgres
                ? "DROP TRIGGER crash_on_status_audit ON audit_events; DROP FUNCTION simulated_crash();"
                : "DROP TRIGGER crash_on_status_audit;");
        }

        var after = await (await Practice.GetAsync($"/v1/referrals/{id}")).ReadObject();
        Assert.Equal("proposed", after["status"]!.GetValue<string>());
        Assert.Single(after["history"]!.AsArray());
        Assert.Equal(referral["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
    }

    private async Task Execute(string sql)
    {
        await using var connection = await api.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
