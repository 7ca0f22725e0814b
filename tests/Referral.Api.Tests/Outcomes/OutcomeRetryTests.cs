using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Outcomes;

/// <summary>
/// A practice system that lost the answer to a follow-up and sends it again with the same
/// Idempotency-Key gets the first answer back, and the evidence holds the measures once; the key
/// cannot be reused for another referral or other answers, and it goes with the profile's erasure.
/// </summary>
public sealed class OutcomeRetryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    private async Task<(string ReferralId, string ProfileId)> StartedReferral()
    {
        var referral = await ReferralBodies.Create(api);
        var id = referral["id"]!.GetValue<string>();
        foreach (var status in new[] { "offered", "contacted", "started" })
        {
            (await ReferralBodies.Move(Practice, id, status)).EnsureSuccessStatusCode();
        }

        return (id, referral["profileId"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> Send(string referralId, string key, JsonObject measures)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/referrals/{referralId}/outcomes") { Content = JsonContent.Create(measures) };
        request.Headers.Add("Idempotency-Key", key);
        return Practice.SendAsync(request);
    }

    private async Task<int> FollowUps(string referralId) =>
        (await (await Practice.GetAsync($"/v1/referrals/{referralId}/outcomes")).ReadObject<JsonArray>())
            .Count(o => o!["timepoint"]!.GetValue<string>() == "follow-up");

    [Fact]
    public async Task A_follow_up_sent_again_with_its_key_is_stored_once_and_the_retry_gets_the_first_answer()
    {
        var (referral, _) = await StartedReferral();
        var key = Guid.NewGuid().ToString();
        var measures = OutcomeTests.Measures("follow-up", 7, 7, 6, 3, new JsonArray(1, 2, 1));

        var first = await Send(referral, key, measures);
        var retry = await Send(referral, key, measures);

        var firstBody = await first.ReadObject(HttpStatusCode.Created);
        var retryBody = await retry.ReadObject(HttpStatusCode.Created);
        Assert.Equal(firstBody["id"]!.GetValue<string>(), retryBody["id"]!.GetValue<string>());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(1, await FollowUps(referral));
    }

    [Fact]
    public async Task The_same_key_for_another_referral_or_other_answers_is_refused_and_stores_nothing()
    {
        var (referral, _) = await StartedReferral();
        var (other, _) = await StartedReferral();
        var key = Guid.NewGuid().ToString();
        var measures = OutcomeTests.Measures("follow-up", ucla3: new JsonArray(1, 2, 1));
        (await Send(referral, key, measures)).EnsureSuccessStatusCode();

        await (await Send(other, key, measures)).AssertProblem(HttpStatusCode.UnprocessableEntity);
        await (await Send(referral, key, OutcomeTests.Measures("follow-up", life: 9, ucla3: new JsonArray(1, 2, 1)))).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(0, await FollowUps(other));
        Assert.Equal(1, await FollowUps(referral));
    }

    [Fact]
    public async Task The_first_answer_kept_for_a_retry_is_erased_with_the_profile()
    {
        var (referral, profile) = await StartedReferral();
        var key = Guid.NewGuid().ToString();
        var measures = OutcomeTests.Measures("follow-up", 2, 3, 1, 9, new JsonArray(3, 3, 3));
        (await Send(referral, key, measures)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await Practice.DeleteAsync($"/v1/profiles/{profile}")).StatusCode);

        // No stored answer is replayed: the retry meets the erased referral as a new request would.
        await (await Send(referral, key, measures)).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }
}
