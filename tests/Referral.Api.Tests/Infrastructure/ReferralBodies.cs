namespace Referral.Api.Tests.Infrastructure;

/// <summary>A service and a profile to refer between, and referral bodies that use them.</summary>
public static class ReferralBodies
{
    private static int _next;

    public static JsonObject Endorsement(string role = "gp", string body = "gmc", string number = "1234567") => new()
    {
        ["clinicianName"] = "Dr Amara Okafor",
        ["role"] = role,
        ["registration"] = new JsonObject { ["body"] = body, ["number"] = number },
        ["note"] = "I think this group will suit you.",
        ["endorsedAt"] = "2026-11-20T10:30:00Z",
    };

    public static JsonObject Referral(string profileId, string serviceId, bool endorsed = true, string route = "signpost") => new()
    {
        ["profileId"] = profileId,
        ["serviceId"] = serviceId,
        ["route"] = route,
        ["source"] = "gp",
        ["endorsement"] = endorsed ? Endorsement() : null,
    };

    /// <summary>An event dated now unless told otherwise: events may not be dated before the referral's previous one.</summary>
    public static JsonObject Event(string status, string? occurredAt = null, string? reason = null) => new()
    {
        ["status"] = status,
        ["reason"] = reason,
        ["occurredAt"] = occurredAt ?? DateTimeOffset.UtcNow.ToString("O"),
    };

    /// <summary>A fresh active service and a fresh profile of practice A.</summary>
    public static async Task<(string ProfileId, string ServiceId)> Parties(ApiFactory api, Action<JsonObject>? profile = null)
    {
        var n = Interlocked.Increment(ref _next);
        var service = await ServiceBodies.Create(api.Admin(), ServiceBodies.At($"Referral target {n}", "LS1 4AP"));
        var created = await ProfileBodies.Create(api.ClientWithKey(api.PracticeAKey), ProfileBodies.With(profile ?? (_ => { }), $"RF-{n}"));
        return (created["id"]!.GetValue<string>(), service["id"]!.GetValue<string>());
    }

    public static async Task<JsonObject> Create(ApiFactory api, bool endorsed = true)
    {
        var (profileId, serviceId) = await Parties(api);
        var response = await api.ClientWithKey(api.PracticeAKey).PostAsJsonAsync("/v1/referrals", Referral(profileId, serviceId, endorsed));
        return await response.ReadObject(HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> Move(HttpClient practice, string referralId, string status, string? occurredAt = null, string? reason = null) =>
        await practice.PostAsJsonAsync($"/v1/referrals/{referralId}/events", Event(status, occurredAt, reason));
}
