using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Demo;
using Referral.Api.Tests.Infrastructure;
using Referral.Data.Directory;
using Referral.Domain.Directory;

namespace Referral.Api.Tests.Recommendations;

/// <summary>
/// Matching follows every write to the directory, not only those made through its HTTP
/// handlers: the demo seeder, an importer or an operator's verb write through the repository.
/// </summary>
public sealed class DirectoryFreshnessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async Task A_service_written_through_the_repository_is_matched_and_retired_without_a_restart()
    {
        var profile = await ProfileBodies.Create(Practice, ProfileBodies.Valid("FRESH-1"));
        var repository = api.Services.GetRequiredService<IServiceRepository>();
        var input = JsonSerializer.Deserialize<ServiceInput>(ServiceBodies.At("Written by a repository call", "LS6 2AA").ToJsonString(), JsonSerializerOptions.Web)!;

        var service = await repository.CreateAsync(input, DateTimeOffset.UtcNow, default);

        Assert.Contains(service.Id, await Ranked(profile));

        await repository.RetireAsync(service.Id, DateTimeOffset.UtcNow, default);

        Assert.DoesNotContain(service.Id, await Ranked(profile));
    }

    [Fact]
    public async Task Services_the_demo_seeder_writes_after_start_up_are_matched()
    {
        var profile = await ProfileBodies.Create(Practice, ProfileBodies.Valid("FRESH-2"));
        var before = await Ranked(profile);

        await DemoData.SeedAsync(api.Services);

        var after = await Ranked(profile);
        Assert.True(after.Count > before.Count, $"{before.Count} services ranked before seeding, {after.Count} after");
    }

    private async Task<IReadOnlyList<Guid>> Ranked(JsonObject profile)
    {
        var set = await (await Practice.PostAsync($"/v1/profiles/{profile["id"]}/recommendations?limit=50", null)).ReadObject(HttpStatusCode.Created);
        return set["items"]!.AsArray().Select(i => Guid.Parse(i!["serviceId"]!.GetValue<string>())).ToList();
    }
}
