using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Referrals;

/// <summary>
/// A referral's first event is stamped by the server's clock; the events a practice sends carry
/// its own. A practice clock a little behind must not make its events "out of order".
/// </summary>
public sealed class ClockSkewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Theory]
    [InlineData(1)]
    [InlineData(299)]
    public async Task An_event_dated_a_little_before_the_server_stamped_creation_is_accepted(int secondsBehind)
    {
        var (id, proposedAt) = await CreateAsync();

        var moved = await ReferralBodies.Move(Practice, id, "offered", proposedAt.AddSeconds(-secondsBehind).ToString("O"));

        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
    }

    [Fact]
    public async Task An_event_dated_more_than_five_minutes_before_the_creation_is_out_of_order()
    {
        var (id, proposedAt) = await CreateAsync();

        var moved = await ReferralBodies.Move(Practice, id, "offered", proposedAt.AddMinutes(-5).AddSeconds(-2).ToString("O"));

        await moved.AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Between_two_times_the_practice_sent_there_is_no_tolerance()
    {
        var (id, proposedAt) = await CreateAsync();
        var offeredAt = proposedAt.AddSeconds(-60);
        Assert.Equal(HttpStatusCode.Created, (await ReferralBodies.Move(Practice, id, "offered", offeredAt.ToString("O"))).StatusCode);

        var moved = await ReferralBodies.Move(Practice, id, "contacted", offeredAt.AddSeconds(-2).ToString("O"));

        await moved.AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    private async Task<(string Id, DateTimeOffset ProposedAt)> CreateAsync()
    {
        var created = await ReferralBodies.Create(api);
        return (created["id"]!.GetValue<string>(), DateTimeOffset.Parse(created["history"]![0]!["occurredAt"]!.GetValue<string>()));
    }
}
