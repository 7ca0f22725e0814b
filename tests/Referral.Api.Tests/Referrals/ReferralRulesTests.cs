using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Referrals;

/// <summary>What a referral or an endorsement is refused for, with a clear problem.</summary>
public sealed class ReferralRulesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async Task Another_practices_profile_is_refused_exactly_like_a_missing_one()
    {
        var (_, serviceId) = await ReferralBodies.Parties(api);
        var theirs = await ProfileBodies.Create(api.ClientWithKey(api.PracticeBKey), ProfileBodies.Valid("RR-B"));

        var forTheirs = await (await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(theirs["id"]!.GetValue<string>(), serviceId))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        var forNobody = await (await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(Guid.NewGuid().ToString(), serviceId))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(forNobody["detail"]!.GetValue<string>(), forTheirs["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("paused")]
    [InlineData("closed")]
    public async Task A_service_that_is_not_active_takes_no_referral(string status)
    {
        var (profileId, _) = await ReferralBodies.Parties(api);
        var service = await ServiceBodies.Create(api.Admin(), ServiceBodies.With(b => b["status"] = status));

        var problem = await (await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, service["id"]!.GetValue<string>()))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(status, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_direct_referral_needs_consent_to_share_contact_details()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api, p => p["consent"]!["shareWithProvider"] = false);

        var problem = await (await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, serviceId, route: "direct"))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("shareWithProvider", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, serviceId, route: "signpost"))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_recommendation_set_is_refused()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        body["recommendationId"] = Guid.NewGuid().ToString();
        await (await Practice.PostAsJsonAsync("/v1/referrals", body)).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    public static TheoryData<string, string, Action<JsonObject>> BrokenRules => new()
    {
        { "route", "route", b => b["route"] = "fax" },
        { "source", "source", b => b["source"] = "receptionist" },
        { "profile", "profileId", b => b["profileId"] = Guid.Empty.ToString() },
        { "clinician name", "endorsement.clinicianName", b => b["endorsement"]!["clinicianName"] = "" },
        { "role", "endorsement.role", b => b["endorsement"]!["role"] = "surgeon" },
        { "a gp is on the gmc register", "endorsement.registration.body", b => b["endorsement"]!["registration"]!["body"] = "nmc" },
        { "gmc numbers are 7 digits", "endorsement.registration.number", b => b["endorsement"]!["registration"]!["number"] = "12345" },
        { "a nurse needs a registration", "endorsement.registration", b => { b["endorsement"]!["role"] = "nurse"; b["endorsement"]!["registration"] = null; } },
        { "nmc pins have a format", "endorsement.registration.number", b => { b["endorsement"]!["role"] = "nurse"; b["endorsement"]!["registration"] = new JsonObject { ["body"] = "nmc", ["number"] = "1234567" }; } },
        { "unknown register", "endorsement.registration.body", b => { b["endorsement"]!["role"] = "other"; b["endorsement"]!["registration"] = new JsonObject { ["body"] = "abc", ["number"] = "1" }; } },
        { "note is bounded", "endorsement.note", b => b["endorsement"]!["note"] = new string('x', 501) },
        { "endorsed in the future", "endorsement.endorsedAt", b => b["endorsement"]!["endorsedAt"] = DateTime.UtcNow.AddDays(1).ToString("O") },
        { "endorsed implausibly early", "endorsement.endorsedAt", b => b["endorsement"]!["endorsedAt"] = "0001-01-01T00:00:01Z" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Each_broken_rule_is_a_400_naming_the_field(string rule, string field, Action<JsonObject> breakIt)
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        breakIt(body);

        var message = await (await Practice.PostAsJsonAsync("/v1/referrals", body)).AssertFieldError(field);
        Assert.False(string.IsNullOrWhiteSpace(message), rule);
        Assert.Equal(0, (await (await Practice.GetAsync($"/v1/referrals?profileId={profileId}")).ReadObject())["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("nurse", "nmc", "01A2345N")]
    [InlineData("pharmacist", "gphc", "2012345")]
    [InlineData("other", "hcpc", "PA12345")]
    public async Task Each_register_accepts_its_own_numbers(string role, string body, string number)
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var referral = ReferralBodies.Referral(profileId, serviceId);
        referral["endorsement"] = ReferralBodies.Endorsement(role, body, number);
        Assert.Equal(HttpStatusCode.Created, (await Practice.PostAsJsonAsync("/v1/referrals", referral)).StatusCode);
    }

    [Fact]
    public async Task A_link_worker_endorses_without_a_registration()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var referral = ReferralBodies.Referral(profileId, serviceId);
        referral["endorsement"]!["role"] = "link-worker";
        referral["endorsement"]!["registration"] = null;
        var created = await (await Practice.PostAsJsonAsync("/v1/referrals", referral)).ReadObject(HttpStatusCode.Created);
        Assert.Null(created["endorsement"]!["registration"]);
    }

    [Fact]
    public async Task An_endorsement_can_be_added_later_once_and_withdrawn_once_and_is_kept()
    {
        var id = (await ReferralBodies.Create(api, endorsed: false))["id"]!.GetValue<string>();
        await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement/withdrawal", new { reason = "nothing to withdraw" })).AssertProblem(HttpStatusCode.Conflict);

        var endorsed = await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement", ReferralBodies.Endorsement())).ReadObject(HttpStatusCode.Created);
        Assert.Equal("Dr Amara Okafor", endorsed["endorsement"]!["clinicianName"]!.GetValue<string>());
        await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement", ReferralBodies.Endorsement())).AssertProblem(HttpStatusCode.Conflict);

        var withdrawn = await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement/withdrawal", new { reason = "Service changed its format" })).ReadObject();
        Assert.Equal("Service changed its format", withdrawn["endorsement"]!["withdrawn"]!["reason"]!.GetValue<string>());
        Assert.Equal("Dr Amara Okafor", withdrawn["endorsement"]!["clinicianName"]!.GetValue<string>());
        await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement/withdrawal", new { reason = "again" })).AssertProblem(HttpStatusCode.Conflict);
        await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement/withdrawal", new { reason = "" })).AssertFieldError("reason");
    }

    [Fact]
    public async Task A_closed_referral_or_a_retired_service_cannot_be_endorsed()
    {
        var closed = (await ReferralBodies.Create(api, endorsed: false))["id"]!.GetValue<string>();
        await ReferralBodies.Move(Practice, closed, "withdrawn");
        await (await Practice.PostAsJsonAsync($"/v1/referrals/{closed}/endorsement", ReferralBodies.Endorsement())).AssertProblem(HttpStatusCode.Conflict);

        var open = await ReferralBodies.Create(api, endorsed: false);
        await api.Admin().DeleteAsync($"/v1/services/{open["serviceId"]}");
        var problem = await (await Practice.PostAsJsonAsync($"/v1/referrals/{open["id"]}/endorsement", ReferralBodies.Endorsement())).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("retired", problem["detail"]!.GetValue<string>());
    }
}
