using System.Text;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Services;

/// <summary>What a client gets for a request the framework cannot even bind: always problem+json, never a 500.</summary>
public sealed class RequestErrorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private Task<HttpResponseMessage> Post(string body, string mediaType = "application/json") =>
        api.Admin().PostAsync("/v1/services", new StringContent(body, Encoding.UTF8, mediaType));

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("{\"name\": \"x\",}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Malformed_json_is_400(string body)
    {
        var problem = await (await Post(body)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem["title"]!.GetValue<string>() + problem["detail"]);
    }

    [Fact]
    public async Task An_unknown_property_is_400_listing_the_allowed_ones_without_repeating_it()
    {
        var body = ServiceBodies.With(b => b["nmae"] = "typo");
        var response = await api.Admin().PostAsJsonAsync("/v1/services", body);
        var text = await response.Content.ReadAsStringAsync();
        var message = await response.AssertFieldError("body");
        Assert.Contains("does not define", message);
        Assert.Contains("name, description", message);
        Assert.DoesNotContain("nmae", text);
    }

    [Fact]
    public async Task An_unknown_nested_property_is_400_naming_its_parent()
    {
        var body = ServiceBodies.With(b => b["capacity"]!["weeks"] = 3);
        var response = await api.Admin().PostAsJsonAsync("/v1/services", body);
        var message = await response.AssertFieldError("capacity");
        Assert.Contains("waitWeeks", message);
        Assert.DoesNotContain("weeks\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_field()
    {
        var body = ServiceBodies.With(b => b["eligibility"] = new JsonObject { ["minAge"] = "18" });
        var message = await (await api.Admin().PostAsJsonAsync("/v1/services", body)).AssertFieldError("eligibility.minAge");
        Assert.Contains("wrong type", message);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var body = ServiceBodies.With(b => b["description"] = new string('x', 70_000)).ToJsonString();
        await (await Post(body)).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        var body = ServiceBodies.With(b => b["description"] = new string('x', 70_000)).ToJsonString();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/services") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await (await api.Admin().SendAsync(request)).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var problem = await (await Post("name=x", "application/x-www-form-urlencoded")).AssertProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        await (await api.Anonymous().GetAsync("/v1/nothing-here")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Problems_carry_a_trace_id_to_quote_to_support()
    {
        var problem = await (await Post("{")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
    }
}
