using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Platform;

/// <summary>
/// A problem names the field and the rule, never the value: a GP system that sends an NHS
/// number in the wrong place must not get it back in a body that proxies and client logs keep.
/// </summary>
public sealed class ValueEchoTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Nhs = "9434765919";

    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Theory]
    [InlineData("/v1/referrals?profileId=" + Nhs, "profileId", "must be a UUID")]
    [InlineData("/v1/referrals?page=" + Nhs + "x", "page", "must be a whole number")]
    [InlineData("/v1/services?radiusKm=" + Nhs + "km&near=LS1", "radiusKm", "must be a number")]
    public async Task A_query_value_that_does_not_parse_is_named_but_not_repeated(string url, string field, string rule)
    {
        var response = await Practice.GetAsync(url);

        var message = await response.AssertFieldError(field);
        Assert.DoesNotContain(Nhs, await response.Content.ReadAsStringAsync());
        Assert.Contains(rule, message);
    }

    [Fact]
    public async Task An_unknown_property_named_like_an_nhs_number_is_not_repeated()
    {
        var body = ProfileBodies.With(b => b[Nhs] = "x", "ECHO-1");

        var response = await Practice.PostAsJsonAsync("/v1/profiles", body);

        await response.AssertFieldError("body");
        Assert.DoesNotContain(Nhs, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_nested_property_named_like_an_nhs_number_is_not_repeated()
    {
        var body = ProfileBodies.With(b => b["consent"]![Nhs] = true, "ECHO-2");

        var response = await Practice.PostAsJsonAsync("/v1/profiles", body);

        var message = await response.AssertFieldError("consent");
        Assert.Contains("storeProfile", message);
        Assert.DoesNotContain(Nhs, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_nhs_number_sent_as_a_code_is_not_repeated()
    {
        var body = ProfileBodies.With(b => b["conditions"] = new JsonArray("anxiety", Nhs), "ECHO-3");

        var response = await Practice.PostAsJsonAsync("/v1/profiles", body);

        var message = await response.AssertFieldError("conditions");
        Assert.Contains("index 1", message);
        Assert.DoesNotContain(Nhs, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_number_out_of_range_is_not_repeated()
    {
        var body = ProfileBodies.With(b => b["maxTravelKm"] = 7777, "ECHO-4");

        var response = await Practice.PostAsJsonAsync("/v1/profiles", body);

        var message = await response.AssertFieldError("maxTravelKm");
        Assert.Contains("between 1 and 200", message);
        Assert.DoesNotContain("7777", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_venue_postcode_in_an_unknown_district_is_not_repeated()
    {
        var body = ServiceBodies.With(b => b["venuePostcode"] = "ZZ99 9ZZ");

        var response = await api.Admin().PostAsJsonAsync("/v1/services", body);

        await response.AssertFieldError("venuePostcode");
        Assert.DoesNotContain("ZZ99", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Malformed_json_says_where_without_quoting_it()
    {
        var content = new StringContent("{\"patientRef\": " + Nhs + "x}", System.Text.Encoding.UTF8, "application/json");

        var response = await Practice.PostAsync("/v1/profiles", content);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("line 1", problem["detail"]!.GetValue<string>());
        Assert.DoesNotContain(Nhs, await response.Content.ReadAsStringAsync());
    }
}
