using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Profiles;

public sealed class ProfileValidationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string, Action<JsonObject>> BrokenRules => new()
    {
        { "patient ref is required", "patientRef", b => b["patientRef"] = "" },
        { "patient ref has a safe alphabet", "patientRef", b => b["patientRef"] = "Mrs Smith" },
        { "nhs number check digit", "nhsNumber", b => b["nhsNumber"] = "944 930 5553" },
        { "nhs number is ten digits", "nhsNumber", b => b["nhsNumber"] = "94493055" },
        { "nhs number is digits", "nhsNumber", b => b["nhsNumber"] = "944-930-5552" },
        { "nhs number whose check would be 10", "nhsNumber", b => b["nhsNumber"] = "1000000010" },
        { "birth year in the future", "birthYear", b => b["birthYear"] = DateTime.UtcNow.Year + 1 },
        { "birth year over 120 years ago", "birthYear", b => b["birthYear"] = DateTime.UtcNow.Year - 121 },
        { "postcode is required", "postcode", b => b["postcode"] = "" },
        { "postcode district must exist", "postcode", b => b["postcode"] = "ZZ99" },
        { "postcode must look like one", "postcode", b => b["postcode"] = "Leeds" },
        { "travel distance is bounded", "maxTravelKm", b => b["maxTravelKm"] = 0 },
        { "conditions come from the vocabulary", "conditions", b => b["conditions"] = new JsonArray("flu") },
        { "communities come from the vocabulary", "communities", b => b["communities"] = new JsonArray("martians") },
        { "languages are ISO 639-1", "languages", b => b["languages"] = new JsonArray("urdu") },
        { "at least one language", "languages", b => b["languages"] = new JsonArray() },
        { "access needs come from the vocabulary", "accessibilityNeeds", b => b["accessibilityNeeds"] = new JsonArray("lift") },
        { "availability comes from the vocabulary", "availability", b => b["availability"] = new JsonArray("tuesday") },
        { "cost limit is free, low-cost or any", "costLimit", b => b["costLimit"] = "paid" },
        { "preferred formats come from the vocabulary", "formats.preferred", b => b["formats"]!["preferred"] = new JsonArray("zoom") },
        { "a format is not both preferred and avoided", "formats.avoid", b => b["formats"] = new JsonObject { ["preferred"] = new JsonArray("messages"), ["avoid"] = new JsonArray("messages") } },
        { "tipi needs ten answers", "personality.tipi", b => b["personality"]!["tipi"] = new JsonArray(4, 4, 4, 4, 4, 4, 4, 4, 4) },
        { "tipi answers are 1-7", "personality.tipi", b => b["personality"]!["tipi"] = new JsonArray(4, 4, 4, 4, 4, 4, 4, 4, 4, 8) },
        { "tipi answers are at least 1", "personality.tipi", b => b["personality"]!["tipi"] = new JsonArray(0, 4, 4, 4, 4, 4, 4, 4, 4, 4) },
        { "ucla3 needs three answers", "personality.ucla3", b => b["personality"]!["ucla3"] = new JsonArray(1, 2) },
        { "ucla3 answers are 1-3", "personality.ucla3", b => b["personality"]!["ucla3"] = new JsonArray(1, 2, 4) },
        { "priorities are decision factors", "factorPriorities", b => b["factorPriorities"] = new JsonArray("price") },
        { "priorities have no duplicates", "factorPriorities", b => b["factorPriorities"] = new JsonArray("free-of-charge", "free-of-charge") },
        { "consent is required", "consent", b => b.Remove("consent") },
        { "consent says who recorded it", "consent.recordedBy", b => b["consent"]!["recordedBy"] = "" },
        { "consent time is required", "consent.recordedAt", b => b["consent"]!.AsObject().Remove("recordedAt") },
        { "consent is not recorded in the future", "consent.recordedAt", b => b["consent"]!["recordedAt"] = DateTime.UtcNow.AddDays(1).ToString("O") },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Each_broken_rule_is_a_400_naming_the_field(string rule, string field, Action<JsonObject> breakIt)
    {
        var body = ProfileBodies.With(breakIt, "PV-1");
        var response = await api.ClientWithKey(api.PracticeAKey).PostAsJsonAsync("/v1/profiles", body);

        var message = await response.AssertFieldError(field);
        Assert.False(string.IsNullOrWhiteSpace(message), rule);
        Assert.Equal(0, (await (await api.ClientWithKey(api.PracticeAKey).GetAsync("/v1/profiles?patientRef=PV-1")).ReadObject())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_invalid_nhs_number_is_not_repeated_back()
    {
        var response = await api.ClientWithKey(api.PracticeAKey).PostAsJsonAsync("/v1/profiles", ProfileBodies.With(b => b["nhsNumber"] = "944 930 5553", "PV-2"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("5553", text);
    }

    [Fact]
    public async Task A_valid_nhs_number_is_accepted_with_or_without_spaces_and_may_be_left_out()
    {
        var practice = api.ClientWithKey(api.PracticeAKey);
        Assert.Equal("*** *** 5552", (await ProfileBodies.Create(practice, ProfileBodies.With(b => b["nhsNumber"] = "9449305552", "PV-3")))["nhsNumber"]!.GetValue<string>());
        Assert.Null((await ProfileBodies.Create(practice, ProfileBodies.With(b => b.Remove("nhsNumber"), "PV-4")))["nhsNumber"]);
    }
}

public sealed class ProfileExampleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_contract_example_is_accepted()
    {
        var response = await api.ClientWithKey(api.PracticeAKey).PostAsJsonAsync("/v1/profiles", Referral.Api.OpenApi.Examples.Profile);
        var profile = await response.ReadObject(HttpStatusCode.Created);
        Assert.Equal(["health-benefit", "convenient-location"], profile["weights"]!["factors"]!.AsArray().Take(2).Select(f => f!["factor"]!.GetValue<string>()));
    }
}
