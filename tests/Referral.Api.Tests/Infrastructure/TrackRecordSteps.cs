namespace Referral.Api.Tests.Infrastructure;

/// <summary>Referrals closed at several practices, and what a practice is then shown, for the track-record tests.</summary>
public static class TrackRecordSteps
{
    public const string Neutral = "Too few referrals through Referral yet to judge, so this is neutral.";
    public const string PracticeC = "A81003";
    public const string PracticeD = "A81004";

    private static int _next;

    public static async Task<string> Service(ApiFactory api, string name) =>
        (await ServiceBodies.Create(api.Admin(), ServiceBodies.OnlineNational(name)))["id"]!.GetValue<string>();

    public static async Task<string> Profile(HttpClient practice) =>
        (await ProfileBodies.Create(practice, ProfileBodies.Valid($"TR-{Interlocked.Increment(ref _next)}")))["id"]!.GetValue<string>();

    /// <summary>Refers a new patient of the practice to the service, and closes the referral: completed, or withdrawn.</summary>
    public static async Task Close(HttpClient practice, string serviceId, bool completed, bool endorsed = true)
    {
        var patient = await Profile(practice);
        var referral = await (await practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(patient, serviceId, endorsed))).ReadObject(HttpStatusCode.Created);
        foreach (var status in completed ? new[] { "offered", "contacted", "started", "completed" } : ["withdrawn"])
        {
            Assert.Equal(HttpStatusCode.Created, (await ReferralBodies.Move(practice, referral["id"]!.GetValue<string>(), status)).StatusCode);
        }
    }

    /// <summary>Closes referrals to the service at practices A, C and D (never B), the same at each.</summary>
    public static async Task CloseAtThreePractices(ApiFactory api, string serviceId, int completedEach, int withdrawnEach)
    {
        foreach (var practice in new[] { api.ClientWithKey(api.PracticeAKey), await api.PracticeAsync(PracticeC), await api.PracticeAsync(PracticeD) })
        {
            for (var i = 0; i < completedEach + withdrawnEach; i++)
            {
                await Close(practice, serviceId, completed: i < completedEach);
            }
        }
    }

    /// <summary>The service's item in a new recommendation set for the practice's patient.</summary>
    public static async Task<JsonObject> Seen(HttpClient practice, string profileId, string serviceId)
    {
        var response = await practice.PostAsync($"/v1/profiles/{profileId}/recommendations?limit=50", null);
        return (await response.ReadObject(HttpStatusCode.Created))["items"]!.AsArray()
            .Single(i => i!["serviceId"]!.GetValue<string>() == serviceId)!.AsObject();
    }

    /// <summary>Every figure and word the practice is shown about the service that a track record could move.</summary>
    public static string Figures(JsonObject item) =>
        new JsonObject
        {
            ["total"] = item["total"]!.DeepClone(),
            ["score"] = item["score"]!.DeepClone(),
            ["factors"] = item["factors"]!.DeepClone(),
        }.ToJsonString();

    public static JsonObject Factor(JsonObject item, string code) =>
        item["factors"]!.AsArray().Single(f => f!["factor"]!.GetValue<string>() == code)!.AsObject();
}
