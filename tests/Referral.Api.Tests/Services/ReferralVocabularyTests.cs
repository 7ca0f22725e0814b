using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Services;

/// <summary>
/// The vocabulary covers what UK GPs refer to peer support for most (issue 15): each condition
/// and community has a definition, and services and profiles can say who a service is for by
/// sex or gender, a wheelchair user's access need, and an area for a local service's online
/// sessions.
/// </summary>
public sealed class ReferralVocabularyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Conditions =
    [
        "hiv", "sexual-health", "long-covid", "dementia", "autism", "adhd", "eating-disorder", "addiction-recovery", "psychosis",
        "bipolar", "ptsd", "hearing-loss", "sight-loss", "multiple-sclerosis", "parkinsons", "inflammatory-bowel-disease",
        "fibromyalgia", "domestic-abuse",
    ];

    [Fact]
    public async Task Every_condition_and_community_a_GP_refers_for_most_is_published_with_a_definition()
    {
        var vocabularies = await (await api.Anonymous().GetAsync("/v1/vocabularies")).ReadObject();

        var conditions = vocabularies["conditions"]!.AsArray().ToDictionary(t => t!["code"]!.GetValue<string>(), t => t!);
        Assert.All(Conditions, code => Assert.True(conditions.ContainsKey(code), code));
        var communities = vocabularies["communities"]!.AsArray().ToDictionary(t => t!["code"]!.GetValue<string>(), t => t!);
        Assert.Contains("dementia-carers", communities.Keys);
        Assert.Contains("veterans", communities.Keys);
        foreach (var term in conditions.Values.Concat(communities.Values))
        {
            Assert.True(term["definition"]?.GetValue<string>() is { Length: > 10 }, $"{term["code"]} has no definition");
        }

        Assert.Contains("wheelchair-accessible", vocabularies["accessibilityFeatures"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()));
        Assert.Equal(["anyone", "women", "men"], vocabularies["genderEligibility"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()));
        Assert.Equal(["woman", "man", "non-binary"], vocabularies["genders"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_GP_can_record_a_patient_living_with_HIV_and_a_directory_can_list_an_HIV_peer_group_for_women_with_online_sessions_for_its_area()
    {
        var profile = await ProfileBodies.Create(api.ClientWithKey(api.PracticeAKey), ProfileBodies.With(p =>
        {
            p["conditions"] = new JsonArray([.. Conditions.Select(c => JsonValue.Create(c))]);
            p["communities"] = new JsonArray("dementia-carers", "veterans");
            p["accessibilityNeeds"] = new JsonArray("wheelchair-accessible");
            p["gender"] = "woman";
        }, "VOCAB-1"));
        Assert.Equal("woman", profile["gender"]!.GetValue<string>());
        Assert.Contains("hiv", profile["conditions"]!.AsArray().Select(c => c!.GetValue<string>()));

        var service = await ServiceBodies.Create(api.Admin(), ServiceBodies.With(b =>
        {
            b["name"] = "Positive Women Leeds";
            b["conditions"] = new JsonArray("hiv", "sexual-health");
            b["formats"] = new JsonArray("in-person-group", "online-group");
            b["accessibility"] = new JsonArray("wheelchair-accessible");
            b["serviceArea"] = new JsonObject { ["national"] = false, ["radiusKm"] = 15, ["remoteRadiusKm"] = 25 };
            b["eligibility"] = new JsonObject { ["minAge"] = 18, ["gender"] = "women" };
        }));
        Assert.Equal("women", service["eligibility"]!["gender"]!.GetValue<string>());
        Assert.Equal(25, service["serviceArea"]!["remoteRadiusKm"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_remote_area_needs_a_venue_to_measure_from_and_is_not_for_a_national_service()
    {
        var admin = api.Admin();

        await (await admin.PostAsJsonAsync("/v1/services", ServiceBodies.With(b =>
        {
            b["serviceArea"] = new JsonObject { ["national"] = true, ["remoteRadiusKm"] = 20 };
        }))).AssertFieldError("serviceArea.remoteRadiusKm");
        await (await admin.PostAsJsonAsync("/v1/services", ServiceBodies.With(b =>
        {
            b["formats"] = new JsonArray("online-group");
            b["venuePostcode"] = null;
            b["serviceArea"] = new JsonObject { ["national"] = false, ["radiusKm"] = 10, ["remoteRadiusKm"] = 20 };
        }))).AssertFieldError("venuePostcode");
        await (await admin.PostAsJsonAsync("/v1/services", ServiceBodies.With(b => b["eligibility"] = new JsonObject { ["gender"] = "female" })))
            .AssertFieldError("eligibility.gender");
        await (await api.ClientWithKey(api.PracticeAKey).PostAsJsonAsync("/v1/profiles", ProfileBodies.With(p => p["gender"] = "female", "VOCAB-2")))
            .AssertFieldError("gender");
    }
}
