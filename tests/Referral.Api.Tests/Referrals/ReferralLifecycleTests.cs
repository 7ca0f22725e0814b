using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Referrals;

public sealed class ReferralLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async Task A_referral_with_an_endorsement_starts_proposed_with_its_history_and_statistics()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var response = await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, serviceId));
        var referral = await response.ReadObject(HttpStatusCode.Created);
        var id = referral["id"]!.GetValue<string>();

        Assert.Equal($"/v1/referrals/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("proposed", referral["status"]!.GetValue<string>());
        Assert.Equal(["offered", "declined", "not-contactable", "no-capacity", "withdrawn"], Strings(referral["allowedNext"]));
        Assert.Equal(profileId, referral["profileId"]!.GetValue<string>());
        Assert.Equal("never-used", referral["cohort"]!.GetValue<string>());
        Assert.Equal("50-59", referral["ageBand"]!.GetValue<string>());
        var endorsement = referral["endorsement"]!;
        Assert.Equal("Dr Amara Okafor", endorsement["clinicianName"]!.GetValue<string>());
        Assert.Equal("gmc", endorsement["registration"]!["body"]!.GetValue<string>());
        Assert.Null(endorsement["withdrawn"]);
        Assert.Equal(["proposed"], referral["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));

        var read = await (await Practice.GetAsync($"/v1/referrals/{id}")).ReadObject();
        Assert.Equal(referral.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task A_referral_walks_through_to_completed_and_then_cannot_move()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        var steps = new[] { "offered", "contacted", "started", "completed" };
        for (var i = 0; i < steps.Length; i++)
        {
            var moved = await (await ReferralBodies.Move(Practice, id, steps[i])).ReadObject(HttpStatusCode.Created);
            Assert.Equal(steps[i], moved["status"]!.GetValue<string>());
        }

        var referral = await (await Practice.GetAsync($"/v1/referrals/{id}")).ReadObject();
        Assert.Equal(["proposed", "offered", "contacted", "started", "completed"], referral["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        Assert.Empty(referral["allowedNext"]!.AsArray());

        var problem = await (await ReferralBodies.Move(Practice, id, "withdrawn")).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("final", problem["detail"]!.GetValue<string>());
    }

    // The lifecycle of the issue, written out independently of the code: from each status, where it may go.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["proposed"] = ["offered", "declined", "not-contactable", "no-capacity", "withdrawn"],
        ["offered"] = ["contacted", "declined", "not-contactable", "no-capacity", "withdrawn"],
        ["contacted"] = ["started", "declined", "not-contactable", "no-capacity", "withdrawn"],
        ["started"] = ["completed", "declined", "not-contactable", "no-capacity", "withdrawn", "dropped-out"],
    };

    private static readonly string[] PathTo = ["proposed", "offered", "contacted", "started"];

    private static readonly string[] Every =
        ["proposed", "offered", "contacted", "started", "completed", "declined", "not-contactable", "no-capacity", "dropped-out", "withdrawn"];

    public static TheoryData<string, string> Moves()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in PathTo)
        {
            foreach (var to in Every)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public async Task Every_transition_is_allowed_or_refused_as_the_lifecycle_says(string from, string to)
    {
        var id = (await ReferralBodies.Create(api, endorsed: false))["id"]!.GetValue<string>();
        foreach (var step in PathTo.Skip(1).TakeWhile((_, i) => i < Array.IndexOf(PathTo, from)))
        {
            Assert.Equal(HttpStatusCode.Created, (await ReferralBodies.Move(Practice, id, step)).StatusCode);
        }

        var response = await ReferralBodies.Move(Practice, id, to, reason: to == "declined" ? "time" : null);

        if (Allowed[from].Contains(to))
        {
            var moved = await response.ReadObject(HttpStatusCode.Created);
            Assert.Equal(to, moved["status"]!.GetValue<string>());
        }
        else
        {
            var problem = await response.AssertProblem(HttpStatusCode.Conflict);
            Assert.Equal(Allowed[from], Strings(problem["allowedNext"]));
            Assert.Equal(from, problem["currentStatus"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Declining_needs_a_reason_code_which_is_kept()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        await (await ReferralBodies.Move(Practice, id, "declined")).AssertFieldError("reason");
        await (await ReferralBodies.Move(Practice, id, "declined", reason: "too far")).AssertFieldError("reason");

        var declined = await (await ReferralBodies.Move(Practice, id, "declined", reason: "distance")).ReadObject(HttpStatusCode.Created);
        Assert.Equal("distance", declined["history"]![1]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_cannot_be_dated_before_the_previous_one_or_in_the_future()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        await ReferralBodies.Move(Practice, id, "offered");

        var problem = await (await ReferralBodies.Move(Practice, id, "contacted", DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("previous event", problem["detail"]!.GetValue<string>());
        await (await ReferralBodies.Move(Practice, id, "contacted", DateTime.UtcNow.AddDays(2).ToString("O"))).AssertFieldError("occurredAt");
        await (await ReferralBodies.Move(Practice, id, "promoted")).AssertFieldError("status");
    }

    [Fact]
    public async Task An_event_sent_to_the_second_in_the_same_second_as_the_previous_one_is_in_order()
    {
        var created = await ReferralBodies.Create(api);
        var proposedAt = DateTimeOffset.Parse(created["history"]![0]!["occurredAt"]!.GetValue<string>());
        var sameSecond = new DateTimeOffset(proposedAt.Ticks - (proposedAt.Ticks % TimeSpan.TicksPerSecond), proposedAt.Offset);

        var moved = await ReferralBodies.Move(Practice, created["id"]!.GetValue<string>(), "offered", sameSecond.ToString("yyyy-MM-ddTHH:mm:ssK"));

        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
    }

    [Fact]
    public async Task A_status_change_with_a_stale_etag_is_412()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        await ReferralBodies.Move(Practice, id, "offered");

        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/referrals/{id}/events") { Content = JsonContent.Create(ReferralBodies.Event("contacted")) };
        request.Headers.IfMatch.ParseAdd("\"1\"");
        await (await Practice.SendAsync(request)).AssertProblem(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Referrals_are_listed_and_filtered_for_the_practice()
    {
        var first = await ReferralBodies.Create(api);
        var second = await ReferralBodies.Create(api);
        await ReferralBodies.Move(Practice, second["id"]!.GetValue<string>(), "offered");

        var byProfile = await (await Practice.GetAsync($"/v1/referrals?profileId={first["profileId"]}")).ReadObject();
        Assert.Equal([first["id"]!.GetValue<string>()], byProfile["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        var byService = await (await Practice.GetAsync($"/v1/referrals?serviceId={second["serviceId"]}")).ReadObject();
        Assert.Equal(1, byService["total"]!.GetValue<int>());
        var offered = await (await Practice.GetAsync("/v1/referrals?status=offered&pageSize=100")).ReadObject();
        Assert.Contains(offered["items"]!.AsArray(), r => r!["id"]!.GetValue<string>() == second["id"]!.GetValue<string>());
        Assert.All(offered["items"]!.AsArray(), r => Assert.Equal("offered", r!["status"]!.GetValue<string>()));
        await (await Practice.GetAsync("/v1/referrals?status=lost")).AssertFieldError("status");
        await (await Practice.GetAsync("/v1/referrals?pageSize=0")).AssertFieldError("pageSize");
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(x => x!.GetValue<string>()).ToList();
}
