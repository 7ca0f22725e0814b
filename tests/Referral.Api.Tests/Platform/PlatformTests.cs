using System.Reflection;
using Referral.Domain.Vocabulary;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Platform;

public sealed class PlatformTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Liveness_and_readiness_report_healthy_on_a_migrated_database()
    {
        var live = await (await api.Anonymous().GetAsync("/health/live")).ReadObject();
        Assert.Equal("healthy", live["status"]!.GetValue<string>());
        var ready = await (await api.Anonymous().GetAsync("/health/ready")).ReadObject();
        Assert.Equal("healthy", ready["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Vocabularies_list_every_code_the_api_accepts()
    {
        var vocabularies = await (await api.Anonymous().GetAsync("/v1/vocabularies")).ReadObject();

        // Every code list declared anywhere in the product is one the API accepts somewhere, so
        // each must be published whole, under its own name, in the same order.
        var declared = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is "Referral.Api" or "Referral.Domain")
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(TermSet))
            .Select(f => (TermSet)f.GetValue(null)!)
            .ToList();
        Assert.True(declared.Count >= 19, $"found only {declared.Count} code lists");
        foreach (var terms in declared)
        {
            var published = vocabularies[terms.Name]?.AsArray();
            Assert.True(published is not null, $"'{terms.Name}' is accepted but not published");
            Assert.Equal(terms.Codes, published.Select(t => t!["code"]!.GetValue<string>()));
            Assert.All(published, t => Assert.False(string.IsNullOrWhiteSpace(t!["label"]?.GetValue<string>() ?? t!["meaning"]?.GetValue<string>())));
        }

        var formats = vocabularies["formats"]!.AsArray().Select(f => f!["code"]!.GetValue<string>());
        Assert.Equal(["in-person-group", "online-group", "one-to-one-in-person", "one-to-one-remote", "online-community", "messages"], formats);
        Assert.Contains(vocabularies["languages"]!.AsArray(), l => l!["code"]!.GetValue<string>() == "cy");

        var factors = vocabularies["decisionFactors"]!.AsArray();
        Assert.Equal(12, factors.Count);
        var endorsement = factors.Single(f => f!["code"]!.GetValue<string>() == "professional-endorsement")!;
        Assert.Equal(5, endorsement["priorRankNeverUsed"]!.GetValue<int>());
        Assert.Equal(11, endorsement["priorRankHasUsed"]!.GetValue<int>());
        Assert.Equal("survey", endorsement["source"]!.GetValue<string>());
        Assert.Equal(4, factors.Count(f => f!["source"]!.GetValue<string>() == "survey"));
    }

    [Fact]
    public async Task Nothing_is_seeded_outside_development()
    {
        var page = await (await api.Anonymous().GetAsync("/v1/services")).ReadObject();
        Assert.Equal(0, page["total"]!.GetValue<int>());
        await (await api.ClientWithKey("demo-directory-admin-key").PostAsJsonAsync("/v1/services", ServiceBodies.Valid()))
            .AssertProblem(HttpStatusCode.Unauthorized);
    }
}
