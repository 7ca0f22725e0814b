using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Storage;

/// <summary>What every refused write must look like, and readiness while and after it lasts.</summary>
public static class Refusals
{
    /// <summary>A 503 problem with Retry-After and a title naming the fault; returns the problem.</summary>
    public static async Task<JsonObject> AssertRefused(this HttpResponseMessage response, string title)
    {
        var problem = await response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["traceId"]?.GetValue<string>()));
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, "Retry-After in seconds");
        return problem;
    }

    /// <summary>Readiness is 503 and its detail says what the fault is.</summary>
    public static async Task AssertNotReady(this ApiFactory api, string because)
    {
        var ready = await (await api.Anonymous().GetAsync("/health/ready")).ReadObject(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", ready["status"]!.GetValue<string>());
        Assert.Contains(because, ready["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    public static async Task AssertReady(this ApiFactory api)
    {
        var ready = await (await api.Anonymous().GetAsync("/health/ready")).ReadObject();
        Assert.Equal("healthy", ready["status"]!.GetValue<string>());
    }
}
