using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Compatibility;

/// <summary>
/// Rows written before the storage documents had names of their own read through the API
/// exactly as they did then: every field of a service, a retired service and a profile, a
/// search that filters inside the documents, and a recommendation from the engine's directory.
/// </summary>
public sealed class StoredRowReadTests(LegacyRowsFactory api) : IClassFixture<LegacyRowsFactory>
{
    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    private static int[] Numbers(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    private static DateTimeOffset Time(JsonNode? value) => DateTimeOffset.Parse(value!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    [SqliteFact("rows as earlier SQLite releases stored them; PostgreSQL has no earlier releases")]
    public async Task A_stored_service_reads_back_field_by_field()
    {
        var response = await api.Anonymous().GetAsync($"/v1/services/{LegacyRows.ActiveServiceId}");
        var service = await response.ReadObject();

        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal(LegacyRows.ActiveServiceId.ToString(), service["id"]!.GetValue<string>());
        Assert.Equal(1, service["version"]!.GetValue<int>());
        Assert.Equal("LS7", service["venueDistrict"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T21:59:35.5821615Z", System.Globalization.CultureInfo.InvariantCulture), Time(service["createdAt"]));
        Assert.Equal(Time(service["createdAt"]), Time(service["updatedAt"]));
        Assert.Equal("Chapel Allerton Carers' Circle – Walk & Talk", service["name"]!.GetValue<string>());
        Assert.Equal("A weekly walk from the café on Harrogate Road for carers of people living with dementia.\nBring a friend <or not>.", service["description"]!.GetValue<string>());
        Assert.Equal("Allerton Carers' Network", service["organisation"]!["name"]!.GetValue<string>());
        Assert.Equal("SC012345", service["organisation"]!["charityNumber"]!.GetValue<string>());
        Assert.Equal("https://carers.example.org.uk", service["organisation"]!["website"]!.GetValue<string>());
        Assert.Equal(["dementia", "loneliness"], Strings(service["conditions"]));
        Assert.Equal(["carers", "older-people"], Strings(service["communities"]));
        Assert.Equal(["in-person-group", "one-to-one-remote"], Strings(service["formats"]));
        Assert.Equal("LS7 3QB", service["venuePostcode"]!.GetValue<string>());
        Assert.False(service["serviceArea"]!["national"]!.GetValue<bool>());
        Assert.Equal(12, service["serviceArea"]!["radiusKm"]!.GetValue<int>());
        Assert.Equal(["weekday-morning", "weekend-afternoon"], Strings(service["schedule"]));
        Assert.Equal(["en", "pa"], Strings(service["languages"]));
        Assert.Equal(["step-free-access", "hearing-loop"], Strings(service["accessibility"]));
        Assert.Equal("low-cost", service["cost"]!.GetValue<string>());
        Assert.Equal(18, service["eligibility"]!["minAge"]!.GetValue<int>());
        Assert.Equal(80, service["eligibility"]!["maxAge"]!.GetValue<int>());
        Assert.Equal("waitlist", service["capacity"]!["status"]!.GetValue<string>());
        Assert.Equal(3, service["capacity"]!["waitWeeks"]!.GetValue<int>());
        Assert.True(service["quality"]!["trainedFacilitators"]!.GetValue<bool>());
        Assert.False(service["quality"]!["safeguardingPolicy"]!.GetValue<bool>());
        Assert.Equal("independent-evaluation", service["quality"]!["evidenceLevel"]!.GetValue<string>());
        Assert.Equal(["Mind Quality Mark", "Investing in Volunteers"], Strings(service["quality"]!["accreditations"]));
        Assert.Equal(["self", "link-worker"], Strings(service["referralRoutes"]));
        Assert.Equal("walk@carers.example.org.uk", service["contact"]!["email"]!.GetValue<string>());
        Assert.Equal("0113 496 0777", service["contact"]!["phone"]!.GetValue<string>());
        Assert.Equal("https://carers.example.org.uk/walk", service["contact"]!["website"]!.GetValue<string>());
        Assert.Equal("active", service["status"]!.GetValue<string>());
        Assert.Equal("2026-10-01", service["lastReviewed"]!.GetValue<string>());
        Assert.Equal(24, service.Count);
    }

    [SqliteFact("rows as earlier SQLite releases stored them; PostgreSQL has no earlier releases")]
    public async Task A_service_retired_before_reads_back_closed_with_its_empty_fields_null()
    {
        var service = await (await api.Anonymous().GetAsync($"/v1/services/{LegacyRows.RetiredServiceId}")).ReadObject();

        Assert.Equal(2, service["version"]!.GetValue<int>());
        Assert.Equal("closed", service["status"]!.GetValue<string>());
        Assert.Equal("Night Owls Text Line", service["name"]!.GetValue<string>());
        Assert.Null(service["venueDistrict"]);
        Assert.Null(service["venuePostcode"]);
        Assert.Null(service["organisation"]!["charityNumber"]);
        Assert.Null(service["organisation"]!["website"]);
        Assert.True(service["serviceArea"]!["national"]!.GetValue<bool>());
        Assert.Null(service["serviceArea"]!["radiusKm"]);
        Assert.Null(service["eligibility"]!["minAge"]);
        Assert.Null(service["eligibility"]!["maxAge"]);
        Assert.Equal("open", service["capacity"]!["status"]!.GetValue<string>());
        Assert.Null(service["capacity"]!["waitWeeks"]);
        Assert.Empty(Strings(service["quality"]!["accreditations"]));
        Assert.Empty(Strings(service["schedule"]));
        Assert.Null(service["contact"]!["email"]);
        Assert.Equal("https://nightowls.example.org.uk", service["contact"]!["website"]!.GetValue<string>());
        Assert.Equal("2026-06-15", service["lastReviewed"]!.GetValue<string>());
    }

    [SqliteTheory("rows as earlier SQLite releases stored them; PostgreSQL has no earlier releases")]
    [InlineData("condition=dementia")]
    [InlineData("community=carers")]
    [InlineData("format=one-to-one-remote")]
    [InlineData("language=pa")]
    [InlineData("condition=loneliness&near=LS6&radiusKm=10")]
    public async Task A_search_inside_stored_documents_finds_the_service(string query)
    {
        var page = await (await api.Anonymous().GetAsync($"/v1/services?{query}")).ReadObject();

        Assert.Equal(1, page["total"]!.GetValue<int>());
        Assert.Equal(LegacyRows.ActiveServiceId.ToString(), page["items"]![0]!["service"]!["id"]!.GetValue<string>());
    }

    [SqliteFact("rows as earlier SQLite releases stored them; PostgreSQL has no earlier releases")]
    public async Task A_search_by_condition_finds_the_retired_service_among_the_closed()
    {
        var page = await (await api.Anonymous().GetAsync("/v1/services?condition=loneliness&status=closed")).ReadObject();

        Assert.Equal(1, page["total"]!.GetValue<int>());
        Assert.Equal(LegacyRows.RetiredServiceId.ToString(), page["items"]![0]!["service"]!["id"]!.GetValue<string>());
    }

    [SqliteFact("rows as earlier SQLite releases stored them; PostgreSQL has no earlier releases")]
    public async Task A_stored_profile_reads_back_field_by_field()
    {
        var response = await api.ClientWithKey(api.PracticeAKey).GetAsync($"/v1/profiles/{LegacyRows.ProfileId}");
        var profile = await response.ReadObject();

        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal(LegacyRows.ProfileId.ToString(), profile["id"]!.GetValue<string>());
        Assert.Equal(1, profile["version"]!.GetValue<int>());
        Assert.Equal("SYSTM1-778/02", profile["patientRef"]!.GetValue<string>());
        Assert.Equal("*** *** 5919", profile["nhsNumber"]!.GetValue<string>());
        Assert.Equal(1961, profile["birthYear"]!.GetValue<int>());
        Assert.Equal("LS6", profile["postcodeDistrict"]!.GetValue<string>());
        Assert.Equal(9, profile["maxTravelKm"]!.GetValue<int>());
        Assert.Equal(["loneliness", "dementia"], Strings(profile["conditions"]));
        Assert.Equal(["carers"], Strings(profile["communities"]));
        Assert.Equal(["pa", "en"], Strings(profile["languages"]));
        Assert.True(profile["needsInterpreter"]!.GetValue<bool>());
        Assert.Equal(["hearing-loop"], Strings(profile["accessibilityNeeds"]));
        Assert.Equal(["one-to-one-remote"], Strings(profile["formats"]!["preferred"]));
        Assert.Equal(["messages"], Strings(profile["formats"]!["avoid"]));
        Assert.Equal(["weekday-morning"], Strings(profile["availability"]));
        Assert.Equal("low-cost", profile["costLimit"]!.GetValue<string>());
        Assert.True(profile["hasUsedPeerSupport"]!.GetValue<bool>());
        Assert.Equal([3, 5, 6, 2, 5, 6, 5, 3, 4, 2], Numbers(profile["personality"]!["tipi"]));
        Assert.NotNull(profile["personality"]!["traits"]);
        Assert.Equal([3, 2, 3], Numbers(profile["personality"]!["ucla3"]));
        Assert.Equal(8, profile["personality"]!["loneliness"]!["sum"]!.GetValue<int>());
        Assert.Equal(["similar-experiences", "convenient-time"], Strings(profile["factorPriorities"]));
        Assert.Equal("has-used", profile["weights"]!["cohort"]!.GetValue<string>());
        var factors = profile["weights"]!["factors"]!.AsArray();
        Assert.Equal(["similar-experiences", "convenient-time"], factors.Take(2).Select(f => f!["factor"]!.GetValue<string>()));
        Assert.All(factors.Take(2), f => Assert.Equal("patient", f!["source"]!.GetValue<string>()));
        Assert.True(profile["consent"]!["storeProfile"]!.GetValue<bool>());
        Assert.False(profile["consent"]!["shareWithProvider"]!.GetValue<bool>());
        Assert.Equal("staff-0917", profile["consent"]!["recordedBy"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero), Time(profile["consent"]!["recordedAt"]));
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T21:59:35.8916915Z", System.Globalization.CultureInfo.InvariantCulture), Time(profile["createdAt"]));
    }

    [SqliteFact("rows as earlier SQLite releases stored them; PostgreSQL has no earlier releases")]
    public async Task A_stored_profile_is_matched_against_stored_services()
    {
        var set = await (await api.ClientWithKey(api.PracticeAKey).PostAsync($"/v1/profiles/{LegacyRows.ProfileId}/recommendations", null))
            .ReadObject(HttpStatusCode.Created);

        Assert.Equal(1, set["profileVersion"]!.GetValue<int>());
        Assert.Equal("has-used", set["weights"]!["cohort"]!.GetValue<string>());
        var top = set["items"]!.AsArray().Single()!;
        Assert.Equal(LegacyRows.ActiveServiceId.ToString(), top["serviceId"]!.GetValue<string>());
        Assert.Equal("Chapel Allerton Carers' Circle – Walk & Talk", top["serviceName"]!.GetValue<string>());
        // The profile avoids nothing the service offers, and LS6 is within 9 km of LS7.
        Assert.Equal(["in-person-group", "one-to-one-remote"], Strings(top["formats"]));
        Assert.NotNull(top["distanceKm"]);
        Assert.Equal(2, set["candidatesConsidered"]!.GetValue<int>());
    }
}
