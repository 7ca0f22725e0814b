using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referral.Domain.Referrals;
using Referral.Api.Tests.Infrastructure;
using static Referral.Api.Tests.Infrastructure.TrackRecordSteps;

namespace Referral.Api.Tests.Recommendations;

/// <summary>
/// Outcomes feed back into matching (peer-recommendation, professional-endorsement), but no
/// figure a practice is shown may let it infer what happened to another practice's patient,
/// even a practice that knows its own referrals and watches over time: it sees other practices'
/// referrals only, nothing below a floor, bands above it, and changes only at snapshots.
/// </summary>
public sealed partial class TrackRecordTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Neutral = TrackRecordSteps.Neutral;

    private HttpClient A => api.ClientWithKey(api.PracticeAKey);

    private HttpClient B => api.ClientWithKey(api.PracticeBKey);

    [Fact]
    public async Task The_attack_from_the_issue_one_completion_at_A_and_four_withdrawals_at_B_shows_B_nothing()
    {
        var service = await Service("TR attacked");
        var twin = await Service("TR attacked twin");
        var patientOfB = await Profile(B);

        await Close(A, service, completed: true);
        for (var i = 0; i < 4; i++)
        {
            await Close(B, service, completed: false);
        }

        await api.TakeTrackRecordSnapshotAsync();

        var seen = await Seen(B, patientOfB, service);
        var untried = await Seen(B, patientOfB, twin);
        Assert.Equal(Neutral, Factor(seen, "peer-recommendation")["reason"]!.GetValue<string>());
        Assert.Equal(Figures(untried), Figures(seen));
        Assert.Equal(untried["total"]!.GetValue<double>(), seen["total"]!.GetValue<double>());
    }

    [Fact]
    public async Task However_many_referrals_B_closes_itself_it_sees_nothing_of_As_one()
    {
        var service = await Service("TR own twenty");
        var patientOfB = await Profile(B);
        var before = await Seen(B, patientOfB, service);

        for (var i = 0; i < 20; i++)
        {
            await Close(B, service, completed: i % 2 == 0, endorsed: i % 3 == 0);
        }

        await api.TakeTrackRecordSnapshotAsync();
        var afterOwn = await Seen(B, patientOfB, service);

        await Close(A, service, completed: true);
        await api.TakeTrackRecordSnapshotAsync();
        var afterA = await Seen(B, patientOfB, service);

        Assert.Equal(Figures(before), Figures(afterOwn));
        Assert.Equal(Figures(before), Figures(afterA));
        Assert.Equal(Neutral, Factor(afterA, "peer-recommendation")["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Above_the_floor_a_practices_own_closures_never_change_what_it_sees()
    {
        var service = await Service("TR own above floor");
        var patientOfB = await Profile(B);
        await CloseAtThreeOtherPractices(service, completedEach: 3, withdrawnEach: 1);
        await api.TakeTrackRecordSnapshotAsync();
        var before = await Seen(B, patientOfB, service);
        Assert.NotEqual(Neutral, Factor(before, "peer-recommendation")["reason"]!.GetValue<string>());

        for (var i = 0; i < 10; i++)
        {
            await Close(B, service, completed: i < 2, endorsed: i < 5);
            await api.TakeTrackRecordSnapshotAsync();
            Assert.Equal(Figures(before), Figures(await Seen(B, patientOfB, service)));
        }
    }

    [Fact]
    public async Task A_closure_elsewhere_shows_only_at_the_next_snapshot_even_when_the_service_changes()
    {
        var service = await Service("TR snapshot");
        var patientOfB = await Profile(B);
        // 19 closed at three other practices: one more moves the number shown from "10 or more" to "20 or more".
        await CloseAtThreeOtherPractices(service, completedEach: 5, withdrawnEach: 1);
        await Close(A, service, completed: true);
        await api.TakeTrackRecordSnapshotAsync();
        var before = await Seen(B, patientOfB, service);
        Assert.NotEqual(Neutral, Factor(before, "peer-recommendation")["reason"]!.GetValue<string>());

        await Close(A, service, completed: true);
        Assert.Equal(Figures(before), Figures(await Seen(B, patientOfB, service)));
        Assert.Contains("Of the 10 or more people", Factor(before, "peer-recommendation")["reason"]!.GetValue<string>());

        // A change to the service reaches matching at once, with the snapshot's track record.
        var body = ServiceBodies.OnlineNational("TR snapshot renamed");
        var current = await api.Admin().GetAsync($"/v1/services/{service}");
        var replace = new HttpRequestMessage(HttpMethod.Put, $"/v1/services/{service}") { Content = JsonContent.Create(body) };
        replace.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await api.Admin().SendAsync(replace)).StatusCode);
        var renamed = await Seen(B, patientOfB, service);
        Assert.Equal("TR snapshot renamed", renamed["serviceName"]!.GetValue<string>());
        Assert.Equal(Figures(before), Figures(renamed));

        await api.TakeTrackRecordSnapshotAsync();
        var after = await Seen(B, patientOfB, service);
        Assert.Contains("Of the 20 or more people", Factor(after, "peer-recommendation")["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task What_is_shown_is_banded_and_every_figure_is_worked_out_from_the_bands()
    {
        var service = await Service("TR banded");
        var twin = await Service("TR banded twin");
        var patientOfB = await Profile(B);
        // 17 closed at three other practices, 11 completed (about 6 in 10), 13 endorsed (about 8 in 10).
        var c = await api.PracticeAsync(TrackRecordSteps.PracticeC);
        var d = await api.PracticeAsync(TrackRecordSteps.PracticeD);
        foreach (var (practice, completed, withdrawn, unendorsed) in new[] { (A, 4, 2, 2), (c, 4, 2, 1), (d, 3, 2, 1) })
        {
            for (var i = 0; i < completed + withdrawn; i++)
            {
                await Close(practice, service, completed: i < completed, endorsed: i >= unendorsed);
            }
        }

        await api.TakeTrackRecordSnapshotAsync();
        var seen = await Seen(B, patientOfB, service);
        var untried = await Seen(B, patientOfB, twin);

        var peer = Factor(seen, "peer-recommendation");
        var endorsement = Factor(seen, "professional-endorsement");
        Assert.Equal("Of the 10 or more people other practices have referred through Referral, about 6 in 10 completed it.", peer["reason"]!.GetValue<string>());
        Assert.Contains("clinicians at other practices endorsed about 8 in 10 of the 10 or more referrals", endorsement["reason"]!.GetValue<string>());
        foreach (var factor in seen["factors"]!.AsArray())
        {
            Assert.False(ExactCount().IsMatch(factor!["reason"]!.GetValue<string>()), factor["reason"]!.GetValue<string>());
        }

        // Smoothed as if ten more had gone half each way, from the bands: 6 of 10 and 8 of 10, not 11 of 17 and 13 of 17.
        var peerScore = (6 + 5) / 20.0;
        var endorsedShare = (8 + 5) / 20.0;
        var route = Factor(untried, "professional-endorsement")["score"]!.GetValue<double>() - 0.4 * 0.5;
        // The set rounds figures to four decimals.
        const double Rounding = 2e-4;
        Assert.Equal(peerScore, peer["score"]!.GetValue<double>(), Rounding);
        Assert.Equal(route + 0.4 * endorsedShare, endorsement["score"]!.GetValue<double>(), Rounding);
        Assert.Equal(peer["weight"]!.GetValue<double>() * peerScore, peer["contribution"]!.GetValue<double>(), Rounding);
        var lift = peer["weight"]!.GetValue<double>() * (peerScore - 0.5) + endorsement["weight"]!.GetValue<double>() * 0.4 * (endorsedShare - 0.5);
        Assert.Equal(untried["total"]!.GetValue<double>() + lift, seen["total"]!.GetValue<double>(), 3 * Rounding);
    }

    [Fact]
    public async Task Other_practices_completed_endorsed_referrals_lift_a_service_above_its_twin_once_past_the_floor()
    {
        var proven = await Service("TR proven");
        var untried = await Service("TR untried");
        var patientOfB = await Profile(B);

        // Nine from three practices: below the floor, nothing shows.
        await CloseAtThreeOtherPractices(proven, completedEach: 3, withdrawnEach: 0);
        await api.TakeTrackRecordSnapshotAsync();
        Assert.Equal(Figures(await Seen(B, patientOfB, untried)), Figures(await Seen(B, patientOfB, proven)));

        await Close(A, proven, completed: true);
        await api.TakeTrackRecordSnapshotAsync();
        var after = await Seen(B, patientOfB, proven);
        Assert.True(after["total"]!.GetValue<double>() > (await Seen(B, patientOfB, untried))["total"]!.GetValue<double>());
        Assert.Contains("nearly all completed it", Factor(after, "peer-recommendation")["reason"]!.GetValue<string>());
    }

    private Task CloseAtThreeOtherPractices(string service, int completedEach, int withdrawnEach) =>
        TrackRecordSteps.CloseAtThreePractices(api, service, completedEach, withdrawnEach);

    private Task<string> Service(string name) => TrackRecordSteps.Service(api, name);

    // "11 of 17", "3 of 5 people": an exact count of referrals.
    [GeneratedRegex(@"\d+ of \d+")]
    private static partial Regex ExactCount();
}

/// <summary>
/// The API on a clock the test moves: snapshots are at least an hour apart (a privacy rule), so
/// the periodic refresh is watched by moving time on, not by waiting for it.
/// </summary>
public sealed class FakeClockApi : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class TrackRecordRefreshTests(FakeClockApi api) : IClassFixture<FakeClockApi>
{
    [Fact]
    public async Task Snapshots_are_taken_every_configured_interval_without_being_asked()
    {
        var practiceB = api.ClientWithKey(api.PracticeBKey);
        var service = await TrackRecordSteps.Service(api, "TR periodic");
        var patientOfB = await Profile(practiceB);
        await TrackRecordSteps.CloseAtThreePractices(api, service, completedEach: 4, withdrawnEach: 0);
        Assert.Equal(TrackRecordSteps.Neutral, await Reason(practiceB, patientOfB, service));

        api.Clock.Advance(TrackRecordDisclosure.DefaultRefresh);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        string reason;
        do
        {
            await Task.Delay(100);
            reason = await Reason(practiceB, patientOfB, service);
        }
        while (reason == TrackRecordSteps.Neutral && DateTimeOffset.UtcNow < deadline);

        Assert.Contains("nearly all completed it", reason);
    }

    [Fact]
    public void An_interval_shorter_than_an_hour_is_refused_at_start_up()
    {
        using var tooOften = new ApiFactoryWith(("Matching:TrackRecordRefresh", "00:00:01"));

        var refused = Assert.ThrowsAny<Exception>(() => tooOften.CreateClient());

        Assert.Contains("at least 01:00:00", refused.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> Reason(HttpClient practice, string profileId, string serviceId) =>
        Factor(await Seen(practice, profileId, serviceId), "peer-recommendation")["reason"]!.GetValue<string>();
}

/// <summary>The test API with one setting changed.</summary>
public sealed class ApiFactoryWith((string Key, string Value) setting) : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { [setting.Key] = setting.Value };
}
