namespace Referral.EndToEnd.Tests;

/// <summary>The requests of a practice's journey that more than one test makes, and reading their answers.</summary>
public static class Journey
{
    public const string PracticeKey = "demo-practice-a81001-key";

    /// <summary>A service near the journey's patient that fits every one of their preferences.</summary>
    public static object NewService(string name = "Quarrybank Walk and Talk") => new
    {
        name,
        description = "A gentle weekly walk in Roundhay Park with a trained peer, for people living with low mood.",
        organisation = new { name = "Harehills Neighbours CIO", charityNumber = "1181234" },
        conditions = new[] { "depression", "loneliness" },
        formats = new[] { "one-to-one-in-person" },
        venuePostcode = "LS8 2HH",
        serviceArea = new { national = false, radiusKm = 8 },
        schedule = new[] { "weekday-morning", "weekend-morning" },
        languages = new[] { "en", "pa" },
        cost = "free",
        capacity = new { status = "open" },
        quality = new { trainedFacilitators = true, safeguardingPolicy = true, evidenceLevel = "participant-feedback" },
        referralRoutes = new[] { "self", "gp" },
        contact = new { phone = "0113 496 0999" },
        lastReviewed = "2026-10-01",
    };

    /// <summary>A profile with consent to store and share it; without an NHS number unless given one.</summary>
    public static JsonObject NewProfile(string patientRef, string? nhsNumber = null)
    {
        var profile = System.Text.Json.JsonSerializer.SerializeToNode(ProfileBody(patientRef, nhsNumber))!.AsObject();
        if (nhsNumber is null)
        {
            profile.Remove("nhsNumber");
        }

        return profile;
    }

    private static object ProfileBody(string patientRef, string? nhsNumber) => new
    {
        patientRef,
        nhsNumber,
        birthYear = 1958,
        postcode = "LS6 3AA",
        maxTravelKm = 10,
        conditions = new[] { "depression" },
        formats = new { preferred = Array.Empty<string>(), avoid = new[] { "in-person-group" } },
        availability = new[] { "weekday-morning", "weekday-afternoon" },
        costLimit = "free",
        hasUsedPeerSupport = false,
        personality = new { tipi = new[] { 2, 5, 6, 4, 5, 6, 6, 2, 4, 3 }, ucla3 = new[] { 2, 3, 2 } },
        consent = new { storeProfile = true, shareWithProvider = true, recordedBy = "staff-0042", recordedAt = "2026-11-20T10:15:00Z" },
    };

    public static object NewReferral(string profileId, string serviceId, string recommendationId) => new
    {
        profileId,
        serviceId,
        recommendationId,
        route = "direct",
        source = "gp",
        endorsement = new
        {
            clinicianName = "Dr Amara Okafor",
            role = "gp",
            registration = new { body = "gmc", number = "1234567" },
            note = "I think talking to someone who has been there could help.",
            endorsedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        },
    };

    public static async Task<JsonObject> JsonAsync(Task<HttpResponseMessage> response, HttpStatusCode expected, Deployment deployment) =>
        await JsonAsync(await response, expected, deployment);

    /// <summary>The body of an answer that must have the expected status; otherwise a failure with what every server logged.</summary>
    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected, Deployment deployment)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}\n{deployment.Output}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
