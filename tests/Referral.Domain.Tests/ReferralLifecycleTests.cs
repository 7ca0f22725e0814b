using Referral.Domain.Referrals;
using Referral.Domain.Vocabulary;

namespace Referral.Domain.Tests;

public sealed class ReferralLifecycleTests
{
    [Fact]
    public void A_referral_moves_forward_one_step_at_a_time_or_ends_early()
    {
        Assert.Equal(["offered", "declined", "not-contactable", "no-capacity", "withdrawn"], ReferralStatuses.AllowedAfter("proposed"));
        Assert.Equal(["contacted", "declined", "not-contactable", "no-capacity", "withdrawn"], ReferralStatuses.AllowedAfter("offered"));
    }

    [Fact]
    public void Only_a_started_referral_can_be_dropped_out_of()
    {
        Assert.Contains("dropped-out", ReferralStatuses.AllowedAfter("started"));
        Assert.Equal("completed", ReferralStatuses.AllowedAfter("started")[0]);
        Assert.All(["proposed", "offered", "contacted"], s => Assert.DoesNotContain("dropped-out", ReferralStatuses.AllowedAfter(s)));
    }

    [Fact]
    public void A_closed_referral_cannot_move()
    {
        foreach (var closed in ReferralStatuses.All.Where(s => !ReferralStatuses.IsOpen(s)))
        {
            Assert.Empty(ReferralStatuses.AllowedAfter(closed));
        }

        Assert.Equal(["proposed", "offered", "contacted", "started"], ReferralStatuses.Open);
    }

    [Fact]
    public void Every_status_and_decline_reason_is_a_published_code()
    {
        Assert.Equal(Vocabularies.ReferralStatuses.Codes, ReferralStatuses.All);
        Assert.Equal(Vocabularies.DeclineReasons.Codes, ReferralStatuses.DeclineReasons);
        Assert.All(ReferralStatuses.All.SelectMany(ReferralStatuses.AllowedAfter), s => Assert.Contains(s, ReferralStatuses.All));
    }

    [Theory]
    [InlineData("gp", "gmc")]
    [InlineData("nurse", "nmc")]
    [InlineData("pharmacist", "gphc")]
    [InlineData("other", null)]
    [InlineData("link-worker", null)]
    public void A_clinician_endorses_under_their_own_register(string role, string? body)
    {
        Assert.Equal(body, ClinicianRoles.RequiredBody(role));
        Assert.Equal(role != "link-worker", ClinicianRoles.NeedsRegistration(role));
    }
}
