namespace Referral.Api.Tests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts an RFC 9457 problem response with the status, and returns its body.</summary>
    public static async Task<JsonObject> AssertProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>Asserts a 400 whose errors map names the field.</summary>
    public static async Task<string> AssertFieldError(this HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"Expected an error for '{field}' in {problem.ToJsonString()}");
        return string.Join(" ", errors![field]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    public static async Task<JsonObject> ReadObject(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) =>
        (await response.ReadObject<JsonObject>(expected)).AsObject();

    public static async Task<T> ReadObject<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) where T : JsonNode
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return (T)JsonNode.Parse(text)!;
    }
}
