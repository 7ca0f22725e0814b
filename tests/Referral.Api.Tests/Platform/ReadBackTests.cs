using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Tests.Infrastructure;
using Referral.Data.Profiles;

namespace Referral.Api.Tests.Platform;

/// <summary>
/// What GET returns can be sent back with PUT unchanged (the README's edit loop): the read-only
/// fields are accepted and ignored, unknown properties are still refused, and a profile's masked
/// NHS number stands for the stored one without ever replacing it.
/// </summary>
public sealed class ReadBackTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_service_read_with_get_is_put_back_unchanged()
    {
        var admin = api.Admin();
        var created = await ServiceBodies.Create(admin, ServiceBodies.At("Read back circle", "LS1 4AP"));
        var path = $"/v1/services/{created["id"]}";
        var read = await (await admin.GetAsync(path)).ReadObject();

        var replaced = await (await admin.SendAsync(Put(path, read, "\"1\""))).ReadObject();

        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        Assert.Equal(read["createdAt"]!.GetValue<string>(), replaced["createdAt"]!.GetValue<string>());
        Assert.Equal(read["venueDistrict"]!.GetValue<string>(), replaced["venueDistrict"]!.GetValue<string>());
        foreach (var field in new[] { "id", "version", "createdAt", "updatedAt" })
        {
            read.Remove(field);
            replaced.Remove(field);
        }

        Assert.Equal(read.ToJsonString(), replaced.ToJsonString());
    }

    [Fact]
    public async Task Read_only_fields_sent_are_ignored_not_applied()
    {
        var admin = api.Admin();
        var created = await ServiceBodies.Create(admin, ServiceBodies.At("Ignored fields circle", "LS1 4AP"));
        var path = $"/v1/services/{created["id"]}";
        var read = await (await admin.GetAsync(path)).ReadObject();
        read["id"] = Guid.NewGuid().ToString();
        read["version"] = 40;
        read["venueDistrict"] = "ZZ9";
        read["createdAt"] = "2000-01-01T00:00:00Z";

        var replaced = await (await admin.SendAsync(Put(path, read, "\"1\""))).ReadObject();

        Assert.Equal(created["id"]!.GetValue<string>(), replaced["id"]!.GetValue<string>());
        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        Assert.Equal("LS1", replaced["venueDistrict"]!.GetValue<string>());
        Assert.Equal(created["createdAt"]!.GetValue<string>(), replaced["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_property_in_a_read_back_body_is_still_refused()
    {
        var admin = api.Admin();
        var created = await ServiceBodies.Create(admin, ServiceBodies.At("Strict circle", "LS1 4AP"));
        var path = $"/v1/services/{created["id"]}";
        var read = await (await admin.GetAsync(path)).ReadObject();
        read["distanceKm"] = 3;

        await (await admin.SendAsync(Put(path, read, "\"1\""))).AssertFieldError("body");
    }

    [Fact]
    public async Task A_profile_read_with_get_is_put_back_unchanged_and_keeps_its_nhs_number()
    {
        var practice = await api.PracticeAsync(ApiFactory.PracticeA);
        var created = await ProfileBodies.Create(practice, ProfileBodies.Valid("READ-BACK-1"));
        var path = $"/v1/profiles/{created["id"]}";
        var read = await (await practice.GetAsync(path)).ReadObject();
        Assert.Equal("*** *** 5552", read["nhsNumber"]!.GetValue<string>());

        var replaced = await (await practice.SendAsync(Put(path, read, "\"1\""))).ReadObject();

        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        foreach (var field in new[] { "version", "updatedAt" })
        {
            read.Remove(field);
            replaced.Remove(field);
        }

        Assert.Equal(read.ToJsonString(), replaced.ToJsonString());
        var stored = await api.Services.GetRequiredService<IProfileRepository>()
            .GetAsync(ApiFactory.PracticeA, created["id"]!.GetValue<Guid>(), default);
        Assert.Equal(ProfileBodies.NhsNumber, stored!.NhsNumber);
    }

    [Fact]
    public async Task A_masked_nhs_number_that_does_not_match_the_stored_one_is_refused()
    {
        var practice = await api.PracticeAsync(ApiFactory.PracticeA);
        var created = await ProfileBodies.Create(practice, ProfileBodies.Valid("READ-BACK-2"));
        var path = $"/v1/profiles/{created["id"]}";
        var read = await (await practice.GetAsync(path)).ReadObject();
        read["nhsNumber"] = "*** *** 1234";

        await (await practice.SendAsync(Put(path, read, "\"1\""))).AssertFieldError("nhsNumber");

        var stored = await api.Services.GetRequiredService<IProfileRepository>()
            .GetAsync(ApiFactory.PracticeA, created["id"]!.GetValue<Guid>(), default);
        Assert.Equal(ProfileBodies.NhsNumber, stored!.NhsNumber);
    }

    [Fact]
    public async Task A_new_profile_cannot_be_created_with_a_masked_nhs_number()
    {
        var practice = await api.PracticeAsync(ApiFactory.PracticeA);
        var body = ProfileBodies.With(b => b["nhsNumber"] = "*** *** 5552", "READ-BACK-3");

        await (await practice.PostAsJsonAsync("/v1/profiles", body)).AssertFieldError("nhsNumber");
    }

    private static HttpRequestMessage Put(string path, JsonObject body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return request;
    }
}
