using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.GpRecord;

/// <summary>
/// GET /v1/referrals/{id}/codes lists what a practice files in the GP record: the national SNOMED
/// CT codes for a referral made and a referral declined, with when and for which practice, and
/// nothing for the steps that have no published UK code.
/// </summary>
public sealed class CodedEventTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async Task A_referral_made_and_declined_lists_both_national_codes_with_their_times()
    {
        var referral = await ReferralBodies.Create(api);
        var id = referral["id"]!.GetValue<string>();
        var declinedAt = DateTimeOffset.UtcNow.AddSeconds(1).ToString("O");
        (await ReferralBodies.Move(Practice, id, "declined", declinedAt, "time")).EnsureSuccessStatusCode();

        var codes = await (await Practice.GetAsync($"/v1/referrals/{id}/codes")).ReadObject();

        Assert.Equal(id, codes["referralId"]!.GetValue<string>());
        Assert.Equal(ApiFactory.PracticeA, codes["practice"]!.GetValue<string>());
        var items = codes["codes"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(("proposed", "871731000000106", "Referral to social prescribing service"), Coded(items[0]));
        Assert.Equal(("declined", "871711000000103", "Social prescribing declined"), Coded(items[1]));
        Assert.All(items, c => Assert.Equal("http://snomed.info/sct", c["system"]!.GetValue<string>()));
        Assert.Equal(referral["history"]![0]!["occurredAt"]!.GetValue<string>(), items[0]["occurredAt"]!.GetValue<string>());
        Assert.Equal(TestStorage.AsStored(DateTimeOffset.Parse(declinedAt, System.Globalization.CultureInfo.InvariantCulture)), items[1]["occurredAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Steps_with_no_published_UK_code_are_left_uncoded()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        foreach (var status in new[] { "offered", "contacted", "started", "completed" })
        {
            (await ReferralBodies.Move(Practice, id, status)).EnsureSuccessStatusCode();
        }

        var codes = (await (await Practice.GetAsync($"/v1/referrals/{id}/codes")).ReadObject())["codes"]!.AsArray();

        Assert.Equal("871731000000106", Assert.Single(codes)!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_practice_gets_the_same_404_as_for_no_referral()
    {
        var id = (await ReferralBodies.Create(api))["id"]!.GetValue<string>();
        var other = api.ClientWithKey(api.PracticeBKey);

        var theirs = await (await other.GetAsync($"/v1/referrals/{id}/codes")).AssertProblem(HttpStatusCode.NotFound);
        var nobodys = await (await other.GetAsync($"/v1/referrals/{Guid.NewGuid()}/codes")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(nobodys["detail"]!.GetValue<string>(), theirs["detail"]!.GetValue<string>());
    }

    private static (string Event, string Code, string Display) Coded(JsonObject c) =>
        (c["event"]!.GetValue<string>(), c["code"]!.GetValue<string>(), c["display"]!.GetValue<string>());
}
