using System.Net.Http.Headers;
using System.Text;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Platform;

/// <summary>JSON is UTF-8: any other charset is a 415 problem on every endpoint with a body, never a 500.</summary>
public sealed class RequestCharsetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("application/json; charset=foo")]
    [InlineData("application/json; charset=\"\"")]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset")]
    [InlineData("application/json; =")]
    public async Task A_charset_other_than_utf8_is_415_naming_what_is_allowed(string contentType)
    {
        foreach (var (client, path) in new[] { (api.Admin(), "/v1/services"), (api.ClientWithKey(api.PracticeAKey), "/v1/profiles"), (api.ClientWithKey(api.PracticeAKey), "/v1/referrals") })
        {
            var response = await client.SendAsync(Post(path, "{}", contentType));

            var problem = await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
            Assert.Contains("UTF-8", problem["detail"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    public async Task Utf8_json_is_read(string contentType)
    {
        var response = await api.Admin().SendAsync(Post("/v1/services", ServiceBodies.Valid().ToJsonString(), contentType));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Post(string path, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}
