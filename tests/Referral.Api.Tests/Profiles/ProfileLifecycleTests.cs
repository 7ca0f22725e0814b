using Dapper;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Profiles;

public sealed class ProfileLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async Task A_created_profile_keeps_only_the_district_and_shows_the_nhs_number_masked()
    {
        var response = await Practice.PostAsJsonAsync("/v1/profiles", ProfileBodies.Valid("LC-1"));
        var text = await response.Content.ReadAsStringAsync();
        var profile = await response.ReadObject(HttpStatusCode.Created);
        var id = profile["id"]!.GetValue<string>();

        Assert.Equal($"/v1/profiles/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("*** *** 5552", profile["nhsNumber"]!.GetValue<string>());
        Assert.Equal("LS6", profile["postcodeDistrict"]!.GetValue<string>());
        Assert.DoesNotContain("LS6 3AA", text, StringComparison.OrdinalIgnoreCase);
        // postcode comes back as the stored district, so the body can be sent back with PUT.
        Assert.Equal("LS6", profile["postcode"]!.GetValue<string>());
        Assert.DoesNotContain(ProfileBodies.NhsNumber, text);
        Assert.DoesNotContain("944 930", text);

        var read = await (await Practice.GetAsync($"/v1/profiles/{id}")).ReadObject();
        Assert.Equal("LC-1", read["patientRef"]!.GetValue<string>());
        Assert.Equal("*** *** 5552", read["nhsNumber"]!.GetValue<string>());
        Assert.Equal("staff-1234", read["consent"]!["recordedBy"]!.GetValue<string>());
        Assert.True(read["consent"]!["shareWithProvider"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_nhs_number_is_stored_apart_from_the_profile_document()
    {
        var id = (await ProfileBodies.Create(Practice, ProfileBodies.Valid("LC-store")))["id"]!.GetValue<string>();

        await using var connection = await api.OpenDatabaseAsync();
        var (nhsNumber, document) = await connection.QuerySingleAsync<(string, string)>(
            "SELECT nhs_number, CAST(document AS TEXT) FROM profiles WHERE id = @id", new { id = Guid.Parse(id) });
        Assert.Equal(ProfileBodies.NhsNumber, nhsNumber);
        Assert.DoesNotContain("9449305552", document);
        Assert.DoesNotContain("LS6 3AA", document, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Replacing_needs_the_current_etag()
    {
        var id = (await ProfileBodies.Create(Practice, ProfileBodies.Valid("LC-2")))["id"]!.GetValue<string>();

        var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/profiles/{id}")
        {
            Content = JsonContent.Create(ProfileBodies.With(b => b["maxTravelKm"] = 25, "LC-2")),
        };
        request.Headers.IfMatch.ParseAdd("\"1\"");
        var response = await Practice.SendAsync(request);
        var replaced = await response.ReadObject();
        Assert.Equal(25, replaced["maxTravelKm"]!.GetValue<int>());
        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/v1/profiles/{id}") { Content = JsonContent.Create(ProfileBodies.Valid("LC-2")) };
        stale.Headers.IfMatch.ParseAdd("\"1\"");
        await (await Practice.SendAsync(stale)).AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(25, (await (await Practice.GetAsync($"/v1/profiles/{id}")).ReadObject())["maxTravelKm"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_patient_reference_is_unique_within_a_practice_but_not_across_practices()
    {
        await ProfileBodies.Create(Practice, ProfileBodies.Valid("LC-dup"));
        var problem = await (await Practice.PostAsJsonAsync("/v1/profiles", ProfileBodies.Valid("LC-dup"))).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("patientRef", problem["detail"]!.GetValue<string>());

        await ProfileBodies.Create(api.ClientWithKey(api.PracticeBKey), ProfileBodies.Valid("LC-dup"));

        var other = (await ProfileBodies.Create(Practice, ProfileBodies.Valid("LC-dup-2")))["id"]!.GetValue<string>();
        await (await Practice.PutAsJsonAsync($"/v1/profiles/{other}", ProfileBodies.Valid("LC-dup"))).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Without_consent_to_store_it_a_profile_is_422_and_nothing_is_kept()
    {
        var body = ProfileBodies.With(b => b["consent"]!["storeProfile"] = false, "LC-noconsent");
        var problem = await (await Practice.PostAsJsonAsync("/v1/profiles", body)).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("consent.storeProfile", problem["detail"]!.GetValue<string>());

        var found = await (await Practice.GetAsync("/v1/profiles?patientRef=LC-noconsent")).ReadObject();
        Assert.Equal(0, found["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_practice_lists_its_profiles_in_pages_and_finds_one_by_patient_ref()
    {
        var practice = api.ClientWithKey(api.PracticeAKey);
        for (var i = 0; i < 3; i++)
        {
            await ProfileBodies.Create(practice, ProfileBodies.Valid($"LC-list-{i}"));
        }

        var all = await (await practice.GetAsync("/v1/profiles?pageSize=100")).ReadObject();
        var total = all["total"]!.GetValue<int>();
        Assert.True(total >= 3);
        Assert.All(all["items"]!.AsArray(), p => Assert.StartsWith("*** ***", p!["nhsNumber"]!.GetValue<string>()));

        var first = await (await practice.GetAsync("/v1/profiles?pageSize=1&page=1")).ReadObject();
        var second = await (await practice.GetAsync("/v1/profiles?pageSize=1&page=2")).ReadObject();
        Assert.NotEqual(first["items"]![0]!["id"]!.GetValue<string>(), second["items"]![0]!["id"]!.GetValue<string>());
        Assert.Empty((await (await practice.GetAsync($"/v1/profiles?pageSize=1&page={total + 1}")).ReadObject())["items"]!.AsArray());

        Assert.Equal(total, (await (await practice.GetAsync("/v1/profiles?patientRef=&pageSize=100")).ReadObject())["total"]!.GetValue<int>());
        var one = await (await practice.GetAsync("/v1/profiles?patientRef=LC-list-1")).ReadObject();
        Assert.Equal(1, one["total"]!.GetValue<int>());
        Assert.Equal("LC-list-1", one["items"]![0]!["patientRef"]!.GetValue<string>());

        await (await practice.GetAsync("/v1/profiles?pageSize=101")).AssertFieldError("pageSize");
        await (await practice.GetAsync("/v1/profiles?page=0")).AssertFieldError("page");
    }

    [Fact]
    public async Task Erasing_removes_the_profile_and_its_personal_data_for_good()
    {
        var id = (await ProfileBodies.Create(Practice, ProfileBodies.Valid("LC-erase")))["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await Practice.DeleteAsync($"/v1/profiles/{id}")).StatusCode);

        await (await Practice.GetAsync($"/v1/profiles/{id}")).AssertProblem(HttpStatusCode.NotFound);
        await (await Practice.DeleteAsync($"/v1/profiles/{id}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT COUNT(*) FROM profiles WHERE id = @id OR patient_ref = 'LC-erase'", new { id = Guid.Parse(id) }));
    }
}
