using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Platform;

/// <summary>Nothing is sniffed, framed or cached that should not be; Swagger UI only where it is wanted.</summary>
public sealed class SecurityHeaderTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Theory]
    [InlineData("GET", "/health/live", null)]
    [InlineData("GET", "/v1/services", null)]
    [InlineData("GET", "/v1/nothing-here", null)]
    [InlineData("GET", "/v1/profiles", null)]
    [InlineData("POST", "/v1/services", "{")]
    [InlineData("GET", "/openapi/v1.json", null)]
    public async Task Every_response_forbids_sniffing_and_framing(string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await api.Admin().SendAsync(request);

        AssertForbidsSniffingAndFraming(response);
    }

    [Fact]
    public async Task Responses_holding_personal_data_are_never_stored_by_a_cache()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var referral = await Practice.PostAsJsonAsync("/v1/referrals", ReferralBodies.Referral(profileId, serviceId));
        var referralId = (await referral.ReadObject(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var set = await Practice.PostAsync($"/v1/profiles/{profileId}/recommendations", null);

        foreach (var response in new[]
                 {
                     referral,
                     set,
                     await Practice.GetAsync($"/v1/profiles/{profileId}"),
                     await Practice.GetAsync("/v1/profiles?patientRef=RF-1"),
                     await Practice.GetAsync(set.Headers.Location),
                     await Practice.GetAsync($"/v1/referrals/{referralId}"),
                     await Practice.GetAsync($"/v1/referrals/{referralId}/audit"),
                     await Practice.GetAsync("/v1/referrals"),
                 })
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri} may be cached");
        }
    }

    [Fact]
    public async Task Swagger_ui_is_not_served_outside_development_unless_enabled()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/swagger/index.html")).StatusCode);
    }

    internal static void AssertForbidsSniffingAndFraming(HttpResponseMessage response)
    {
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}";
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{where}: no nosniff");
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", $"{where}: no X-Frame-Options");
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Single().Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{where}: no frame-ancestors");
        Assert.False(response.Headers.Contains("Server"), $"{where}: names its server");
    }
}

/// <summary>An operator may turn Swagger UI on outside Development; it is then still never framed.</summary>
public sealed class SwaggerEnabledApi : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Swagger:Enabled"] = "true" };
}

public sealed class SwaggerUiTests(SwaggerEnabledApi api) : IClassFixture<SwaggerEnabledApi>
{
    [Fact]
    public async Task Swagger_ui_shows_the_document_and_cannot_be_framed()
    {
        var response = await api.Anonymous().GetAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
        SecurityHeaderTests.AssertForbidsSniffingAndFraming(response);
    }
}
