namespace Referral.Api.Tests.Infrastructure;

/// <summary>Valid profiles to start from; each test changes only what it is about.</summary>
public static class ProfileBodies
{
    public const string NhsNumber = "9449305552";

    public static JsonObject Valid(string patientRef = "P-0001") => new()
    {
        ["patientRef"] = patientRef,
        ["nhsNumber"] = "944 930 5552",
        ["birthYear"] = 1968,
        ["postcode"] = "ls6 3aa",
        ["maxTravelKm"] = 10,
        ["conditions"] = new JsonArray("anxiety"),
        ["communities"] = new JsonArray(),
        ["languages"] = new JsonArray("en"),
        ["needsInterpreter"] = false,
        ["accessibilityNeeds"] = new JsonArray("step-free-access"),
        ["formats"] = new JsonObject { ["preferred"] = new JsonArray("online-group"), ["avoid"] = new JsonArray("in-person-group") },
        ["availability"] = new JsonArray("weekday-evening"),
        ["costLimit"] = "free",
        ["hasUsedPeerSupport"] = false,
        ["personality"] = new JsonObject
        {
            ["tipi"] = new JsonArray(5, 2, 6, 3, 4, 6, 2, 2, 5, 3),
            ["ucla3"] = new JsonArray(2, 2, 2),
        },
        ["consent"] = new JsonObject
        {
            ["storeProfile"] = true,
            ["shareWithProvider"] = true,
            ["recordedBy"] = "staff-1234",
            ["recordedAt"] = "2026-11-20T10:15:00Z",
        },
    };

    public static JsonObject With(Action<JsonObject> change, string patientRef = "P-0001")
    {
        var body = Valid(patientRef);
        change(body);
        return body;
    }

    public static async Task<JsonObject> Create(HttpClient practice, JsonObject body)
    {
        var response = await practice.PostAsJsonAsync("/v1/profiles", body);
        return await response.ReadObject(HttpStatusCode.Created);
    }
}
