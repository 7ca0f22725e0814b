using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Services;

public sealed class ServiceValidationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string, Action<JsonObject>> BrokenRules => new()
    {
        { "name is required", "name", b => b["name"] = "" },
        { "name is bounded", "name", b => b["name"] = new string('x', 121) },
        { "description is bounded", "description", b => b["description"] = new string('x', 2001) },
        { "organisation is required", "organisation", b => b.Remove("organisation") },
        { "organisation name is required", "organisation.name", b => b["organisation"]!["name"] = " " },
        { "charity numbers have a format", "organisation.charityNumber", b => b["organisation"]!["charityNumber"] = "12AB" },
        { "websites are https", "organisation.website", b => b["organisation"]!["website"] = "http://insecure.example.org.uk" },
        { "at least one format", "formats", b => b["formats"] = new JsonArray() },
        { "formats come from the vocabulary", "formats", b => b["formats"] = new JsonArray("zoom-call") },
        { "no code twice", "formats", b => b["formats"] = new JsonArray("online-group", "online-group") },
        { "conditions come from the vocabulary", "conditions", b => b["conditions"] = new JsonArray("anxiety", "flu") },
        { "communities come from the vocabulary", "communities", b => b["communities"] = new JsonArray("martians") },
        { "schedule slots come from the vocabulary", "schedule", b => b["schedule"] = new JsonArray("tuesday") },
        { "accessibility features come from the vocabulary", "accessibility", b => b["accessibility"] = new JsonArray("lift") },
        { "languages are ISO 639-1", "languages", b => b["languages"] = new JsonArray("english") },
        { "at least one language", "languages", b => b["languages"] = new JsonArray() },
        { "cost is free, low-cost or paid", "cost", b => b["cost"] = "cheap" },
        { "status comes from the vocabulary", "status", b => b["status"] = "deleted" },
        { "in-person needs a venue", "venuePostcode", b => b["venuePostcode"] = null },
        { "a venue is a full postcode", "venuePostcode", b => b["venuePostcode"] = "LS1" },
        { "a venue is in a real district", "venuePostcode", b => b["venuePostcode"] = "ZZ9 9ZZ" },
        { "a national service has no radius", "serviceArea.radiusKm", b => b["serviceArea"] = new JsonObject { ["national"] = true, ["radiusKm"] = 10 } },
        { "a local service has a radius", "serviceArea.radiusKm", b => b["serviceArea"] = new JsonObject { ["national"] = false } },
        { "a radius is bounded", "serviceArea.radiusKm", b => b["serviceArea"] = new JsonObject { ["national"] = false, ["radiusKm"] = 501 } },
        { "ages are bounded", "eligibility.minAge", b => b["eligibility"] = new JsonObject { ["minAge"] = -1 } },
        { "max age is not below min age", "eligibility.maxAge", b => b["eligibility"] = new JsonObject { ["minAge"] = 30, ["maxAge"] = 20 } },
        { "capacity status from the vocabulary", "capacity.status", b => b["capacity"] = new JsonObject { ["status"] = "busy" } },
        { "a waitlist says how long", "capacity.waitWeeks", b => b["capacity"] = new JsonObject { ["status"] = "waitlist" } },
        { "only a waitlist has weeks", "capacity.waitWeeks", b => b["capacity"] = new JsonObject { ["status"] = "open", ["waitWeeks"] = 3 } },
        { "evidence level from the vocabulary", "quality.evidenceLevel", b => b["quality"]!["evidenceLevel"] = "anecdote" },
        { "at least one referral route", "referralRoutes", b => b["referralRoutes"] = new JsonArray() },
        { "referral routes from the vocabulary", "referralRoutes", b => b["referralRoutes"] = new JsonArray("carrier-pigeon") },
        { "contact needs a way in", "contact", b => b["contact"] = new JsonObject() },
        { "contact email is an email", "contact.email", b => b["contact"]!["email"] = "not-an-email" },
        { "contact phone is a UK number", "contact.phone", b => b["contact"]!["phone"] = "12" },
        { "last reviewed is required", "lastReviewed", b => b.Remove("lastReviewed") },
        { "last reviewed is not in the future", "lastReviewed", b => b["lastReviewed"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd") },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Each_broken_rule_is_a_400_naming_the_field_and_nothing_is_stored(string rule, string field, Action<JsonObject> breakIt)
    {
        var body = ServiceBodies.With(b => b["name"] = $"Validation {rule}");
        breakIt(body);
        var before = await Count();

        var response = await api.Admin().PostAsJsonAsync("/v1/services", body);

        var message = await response.AssertFieldError(field);
        Assert.False(string.IsNullOrWhiteSpace(message), rule);
        Assert.Equal(before, await Count());
    }

    [Fact]
    public async Task Every_broken_rule_is_reported_at_once()
    {
        var body = ServiceBodies.With(b =>
        {
            b["cost"] = "cheap";
            b["formats"] = new JsonArray("zoom-call");
            b["languages"] = new JsonArray("english");
        });
        var problem = await (await api.Admin().PostAsJsonAsync("/v1/services", body)).AssertProblem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("cost") && errors.ContainsKey("formats") && errors.ContainsKey("languages"), errors.ToJsonString());
    }

    [Fact]
    public async Task An_error_does_not_grow_with_what_was_sent()
    {
        var body = ServiceBodies.With(b => b["conditions"] = new JsonArray(Enumerable.Range(0, 2000).Select(i => (JsonNode)$"made-up-condition-{i}").ToArray()));
        var response = await api.Admin().PostAsJsonAsync("/v1/services", body);
        await response.AssertFieldError("conditions");
        Assert.True((await response.Content.ReadAsStringAsync()).Length < 2000);

        var unknown = ServiceBodies.With(b => b["conditions"] = new JsonArray("anxiety", "x1", "x2", "x3", "x4"));
        var message = await (await api.Admin().PostAsJsonAsync("/v1/services", unknown)).AssertFieldError("conditions");
        Assert.Contains("at index 1, 2, 3, …", message);
        Assert.DoesNotContain("x1", message);
    }

    [Fact]
    public async Task An_online_only_national_service_needs_no_venue()
    {
        var created = await ServiceBodies.Create(api.Admin(), ServiceBodies.OnlineNational("Validation online"));
        Assert.Null(created["venuePostcode"]);
        Assert.Null(created["venueDistrict"]);
    }

    [Fact]
    public async Task The_contract_example_is_accepted()
    {
        var response = await api.Admin().PostAsJsonAsync("/v1/services", ServiceBodies.Valid());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<int> Count() =>
        (await (await api.Anonymous().GetAsync("/v1/services?pageSize=1")).ReadObject())["total"]!.GetValue<int>();
}
