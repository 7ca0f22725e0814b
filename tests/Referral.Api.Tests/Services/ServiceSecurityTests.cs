using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Security;
using Referral.Api.Tests.Infrastructure;
using Referral.Data.Keys;

namespace Referral.Api.Tests.Services;

public sealed class ServiceSecurityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/v1/services" },
        { "PUT", $"/v1/services/{Guid.NewGuid()}" },
        { "DELETE", $"/v1/services/{Guid.NewGuid()}" },
    };

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "DELETE" ? null : JsonContent.Create(ServiceBodies.Valid()),
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Writing_without_a_key_is_401(string method, string path)
    {
        var response = await api.Anonymous().SendAsync(Request(method, path));
        var problem = await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("X-API-Key", problem["detail"]!.GetValue<string>());
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Writing_with_an_unknown_key_is_401(string method, string path)
    {
        await (await api.ClientWithKey("rk_not-a-real-key").SendAsync(Request(method, path))).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Writing_with_a_practice_or_analyst_key_is_403(string method, string path)
    {
        await (await api.ClientWithKey(api.PracticeAKey).SendAsync(Request(method, path))).AssertProblem(HttpStatusCode.Forbidden);
        await (await api.ClientWithKey(api.AnalystKey).SendAsync(Request(method, path))).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        var issuer = api.Services.GetRequiredService<ApiKeyIssuer>();
        var (record, key) = await issuer.IssueAsync(Roles.DirectoryAdmin, null, "revoke-me", default);
        var client = api.ClientWithKey(key);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/v1/services", ServiceBodies.Valid())).StatusCode);

        Assert.True(await api.Services.GetRequiredService<IApiKeyRepository>().RevokeAsync(record.Id, DateTimeOffset.UtcNow, default));

        await (await client.PostAsJsonAsync("/v1/services", ServiceBodies.Valid())).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var keys = await api.Services.GetRequiredService<IApiKeyRepository>().ListAsync(default);

        var admin = Assert.Single(keys, k => k.KeyHash == ApiKeys.Hash(api.AdminKey));
        Assert.StartsWith(admin.Prefix, api.AdminKey, StringComparison.Ordinal);
        Assert.True(admin.Prefix.Length <= 12, "the prefix tells keys apart, it is not most of the key");
        foreach (var key in new[] { api.AdminKey, api.PracticeAKey, api.PracticeBKey, api.AnalystKey })
        {
            await api.AssertNowhereOnDiskAsync(key);
        }
    }

    [Fact]
    public async Task Reading_the_directory_needs_no_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/v1/services")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/v1/vocabularies")).StatusCode);
    }
}

public sealed class LowRateLimitApi : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:WritesPerMinutePerKey"] = "3",
    };
}

public sealed class RateLimitTests(LowRateLimitApi api) : IClassFixture<LowRateLimitApi>
{
    [Fact]
    public async Task Writes_beyond_the_limit_are_429_with_retry_after_and_other_keys_are_unaffected()
    {
        var admin = api.Admin();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/v1/services", ServiceBodies.Valid())).StatusCode);
        }

        var limited = await admin.PostAsJsonAsync("/v1/services", ServiceBodies.Valid());
        await limited.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);

        // Reads are not limited, and the limit is per key.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/services")).StatusCode);
        var issuer = api.Services.GetRequiredService<ApiKeyIssuer>();
        var (_, other) = await issuer.IssueAsync(Roles.DirectoryAdmin, null, "second admin", default);
        Assert.Equal(HttpStatusCode.Created, (await api.ClientWithKey(other).PostAsJsonAsync("/v1/services", ServiceBodies.Valid())).StatusCode);
    }
}
