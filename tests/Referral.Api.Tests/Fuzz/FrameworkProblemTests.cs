using System.Text;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Fuzz;

/// <summary>
/// Refusals the framework makes before any endpoint runs (authentication, authorisation, routing,
/// body size and media type) are problems too, like the endpoints' own. The fuzz property meets
/// them at random; these name each one.
/// </summary>
public sealed class FrameworkProblemTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("GET", "/v1/profiles", "none", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/v1/services", "unknown", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/v1/services", "analyst", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/v1/profiles", "admin", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/v1/nothing-here", "none", HttpStatusCode.NotFound)]
    [InlineData("GET", "/", "none", HttpStatusCode.NotFound)]
    [InlineData("GET", "/v1/services/not-a-guid", "none", HttpStatusCode.NotFound)]
    [InlineData("GET", "/v1/referrals/not-a-guid/audit", "practice", HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/v1/services", "admin", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/v1/vocabularies", "none", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "/v1/referrals", "practice", HttpStatusCode.MethodNotAllowed)]
    public async Task A_request_no_endpoint_takes_is_a_problem(string method, string path, string key, HttpStatusCode expected)
    {
        var response = await Client(key).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        await response.AssertProblem(expected);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_of_another_media_type_is_a_415_problem(string? mediaType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ServiceBodies.Valid().ToJsonString()));
        if (mediaType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }

        await (await api.Admin().PostAsync("/v1/services", content)).AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_even_before_the_key_is_checked()
    {
        var content = new StringContent(new string(' ', 70_000), Encoding.UTF8, "application/json");
        await (await api.Anonymous().PostAsync("/v1/services", content)).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    private HttpClient Client(string key) => key switch
    {
        "admin" => api.Admin(),
        "analyst" => api.ClientWithKey(api.AnalystKey),
        "practice" => api.ClientWithKey(api.PracticeAKey),
        "unknown" => api.ClientWithKey("rk_not-a-key-of-ours"),
        _ => api.Anonymous(),
    };
}
