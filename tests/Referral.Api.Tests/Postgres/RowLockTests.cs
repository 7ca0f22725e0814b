using System.Diagnostics;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Referral.Api.Tests.Infrastructure;
using Referral.Api.Tests.Storage;

namespace Referral.Api.Tests.Postgres;

/// <summary>A one-second bound on waiting for a row another session holds (Storage:Postgresql:LockTimeoutSeconds).</summary>
public sealed class ImpatientPostgresApi : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Storage:Postgresql:LockTimeoutSeconds"] = "1",
    };
}

/// <summary>
/// PostgreSQL's counterpart of SQLite's busy database: another session (a maintenance script,
/// a stuck instance) holds a referral's row lock. A change to that referral is refused with 503
/// within the bound instead of waiting without end; other referrals and reads carry on, and
/// readiness reports the refusal.
/// </summary>
public sealed class RowLockTests(ImpatientPostgresApi api) : IClassFixture<ImpatientPostgresApi>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task A_change_to_a_row_another_session_holds_gives_up_with_503_while_the_rest_carries_on()
    {
        var practice = api.ClientWithKey(api.PracticeAKey);
        var held = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        var free = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();

        await using var other = await api.OpenDatabaseAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await other.ExecuteAsync("SELECT 1 FROM referrals WHERE id = @id FOR UPDATE", new { id = Guid.Parse(held) }, transaction);

        var clock = Stopwatch.StartNew();
        var refused = await ReferralBodies.Move(practice, held, "offered");
        Assert.True(clock.Elapsed < Bound, $"the refused change took {clock.Elapsed}");
        await refused.AssertRefused("Database busy");
        await api.AssertNotReady("locked");

        (await ReferralBodies.Move(practice, free, "offered")).EnsureSuccessStatusCode();
        (await practice.GetAsync($"/v1/referrals/{held}")).EnsureSuccessStatusCode();

        await transaction.RollbackAsync();
        (await ReferralBodies.Move(practice, held, "offered")).EnsureSuccessStatusCode();
        await api.AssertReady();
    }
}
