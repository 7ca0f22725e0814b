using System.Globalization;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Compatibility;

/// <summary>
/// The referral bodies reach the workflow and storage through hand-written mappings
/// (ReferralMapping), where a member left out still compiles. As for services and profiles, these
/// bodies set every member of each request schema (checked against the served contract, so a new
/// member fails here until it is added) and each must come back in the referral as it was sent.
/// </summary>
public sealed class ReferralMappingRoundTripTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    private static JsonObject Endorsement() => new()
    {
        ["clinicianName"] = "Nurse Round Trip",
        ["role"] = "nurse",
        ["registration"] = new JsonObject { ["body"] = "nmc", ["number"] = "01A2345N" },
        ["note"] = "Line one.\nLine two.",
        ["endorsedAt"] = "2026-11-20T10:30:00Z",
    };

    [Fact]
    public async Task Every_member_of_a_referral_and_its_endorsement_comes_back_as_sent()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var set = await (await Practice.PostAsync($"/v1/profiles/{profileId}/recommendations?limit=1", null)).ReadObject(HttpStatusCode.Created);
        var body = new JsonObject
        {
            ["profileId"] = profileId,
            ["serviceId"] = serviceId,
            ["recommendationId"] = set["id"]!.GetValue<string>(),
            ["route"] = "signpost",
            ["source"] = "link-worker",
            ["endorsement"] = Endorsement(),
            ["recordSharing"] = "full-summary",
        };
        await MappingRoundTripTests.AssertEveryMemberSet(api, "ReferralInput", [body]);

        var stored = await (await Practice.PostAsJsonAsync("/v1/referrals", body)).ReadObject(HttpStatusCode.Created);
        foreach (var (member, sent) in body)
        {
            if (member == "endorsement")
            {
                AssertEndorsement(sent!.AsObject(), stored[member]!.AsObject());
            }
            else
            {
                Assert.True(JsonNode.DeepEquals(sent, stored[member]), $"{member}: sent {sent?.ToJsonString()}, stored {stored[member]?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task Every_member_of_a_later_endorsement_a_status_change_and_a_withdrawal_comes_back_as_sent()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var referral = await (await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, serviceId, endorsed: false))).ReadObject(HttpStatusCode.Created);
        var id = referral["id"]!.GetValue<string>();
        var endorsement = Endorsement();
        var change = new JsonObject { ["status"] = "offered", ["reason"] = "Offered a place in the next group.", ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O") };
        var withdrawal = new JsonObject { ["reason"] = "The group moved to evenings.\nThe patient cannot make them." };
        await MappingRoundTripTests.AssertEveryMemberSet(api, "EndorsementInput", [endorsement]);
        await MappingRoundTripTests.AssertEveryMemberSet(api, "StatusChangeInput", [change]);
        await MappingRoundTripTests.AssertEveryMemberSet(api, "WithdrawalInput", [withdrawal]);

        var endorsed = await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement", endorsement)).ReadObject(HttpStatusCode.Created);
        AssertEndorsement(endorsement, endorsed["endorsement"]!.AsObject());

        var moved = await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/events", change)).ReadObject(HttpStatusCode.Created);
        var latest = moved["history"]!.AsArray()[^1]!;
        Assert.Equal(change["status"]!.GetValue<string>(), latest["status"]!.GetValue<string>());
        Assert.Equal(change["reason"]!.GetValue<string>(), latest["reason"]!.GetValue<string>());
        Assert.True(SameInstant(change["occurredAt"]!, latest["occurredAt"]!), "occurredAt");

        var withdrawn = await (await Practice.PostAsJsonAsync($"/v1/referrals/{id}/endorsement/withdrawal", withdrawal)).ReadObject();
        Assert.Equal(withdrawal["reason"]!.GetValue<string>(), withdrawn["endorsement"]!["withdrawn"]!["reason"]!.GetValue<string>());
    }

    private static void AssertEndorsement(JsonObject sent, JsonObject stored)
    {
        foreach (var (field, value) in sent)
        {
            Assert.True(field == "endorsedAt" ? SameInstant(value!, stored[field]!) : JsonNode.DeepEquals(value, stored[field]), $"endorsement.{field}");
        }
    }

    private static bool SameInstant(JsonNode sent, JsonNode stored) =>
        TestStorage.AsStored(DateTimeOffset.Parse(sent.GetValue<string>(), CultureInfo.InvariantCulture))
            == DateTimeOffset.Parse(stored.GetValue<string>(), CultureInfo.InvariantCulture);
}
