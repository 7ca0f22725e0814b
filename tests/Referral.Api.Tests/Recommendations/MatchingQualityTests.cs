using Dapper;
using System.IO.Compression;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Recommendations;

/// <summary>
/// Matching engine 2.0.0 over HTTP (issue 15): the published model says what the engine now
/// does, sets keep the engine version they were made with, and the new eligibility rules reach
/// a GP's recommendations.
/// </summary>
public sealed class MatchingQualityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    private async Task<string> Profile(string patientRef, Action<JsonObject> change) =>
        (await ProfileBodies.Create(Practice, ProfileBodies.With(change, patientRef)))["id"]!.GetValue<string>();

    private async Task<(HttpResponseMessage Response, JsonObject Set)> Recommend(string profileId)
    {
        var response = await Practice.PostAsync($"/v1/profiles/{profileId}/recommendations?limit=50", null);
        return (response, await response.ReadObject(HttpStatusCode.Created));
    }

    private static string[] ServiceNames(JsonObject set) =>
        set["items"]!.AsArray().Select(i => i!["serviceName"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task The_published_model_says_relevance_comes_first_unknowns_are_neutral_how_the_choice_is_made_and_how_reasons_follow_scores()
    {
        var model = await (await api.Anonymous().GetAsync("/v1/matching/model")).ReadObject();

        Assert.Equal("2.0.0", model["engineVersion"]!.GetValue<string>());
        var constraints = model["hardConstraints"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["not-active", "age", "gender", "full", "other-needs", "avoided-format", "too-far", "out-of-area", "cost", "language", "access"], constraints);
        Assert.Contains("other-needs", model["relevance"]!.GetValue<string>());
        Assert.Contains("never outrank a relevant one", model["relevance"]!.GetValue<string>());
        Assert.Contains("scores every service alike", model["unknowns"]!.GetValue<string>());
        Assert.Contains("good (0.7 or more)", model["reasons"]!.GetValue<string>());
        var variety = model["variety"]!.GetValue<string>();
        Assert.Contains("live local option", variety);
        Assert.Contains("no more than two of the first three from one organisation", variety);
        var format = model["factors"]!.AsArray().Single(f => f!["code"]!.GetValue<string>() == "preferred-format")!["scoringRule"]!.GetValue<string>();
        Assert.Contains("extraversion − 4", format);
    }

    [Fact]
    public async Task A_set_made_by_the_earlier_engine_keeps_its_version_and_reads_back_as_it_was_while_a_new_set_says_2_0_0()
    {
        await ServiceBodies.Create(api.Admin(), ServiceBodies.OnlineNational("Version online group"));
        var profileId = await Profile("VERSION-1", _ => { });
        var (response, set) = await Recommend(profileId);
        Assert.Equal("2.0.0", set["engineVersion"]!.GetValue<string>());

        // The same set as engine 1.1.0 made it: its version, its nine exclusion codes, no variety.
        var earlier = set.DeepClone().AsObject();
        var earlierId = Guid.NewGuid().ToString();
        earlier["id"] = earlierId;
        earlier["engineVersion"] = "1.1.0";
        earlier["exclusions"]!.AsObject().Remove("gender");
        earlier["exclusions"]!.AsObject().Remove("other-needs");
        earlier.Remove("variety");
        var json = earlier.ToJsonString();
        await using (var connection = await api.OpenDatabaseAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO recommendation_sets (id, ods_code, profile_id, profile_version, engine_version, content_encoding, document, created_at)
                VALUES (@id, 'A81001', @profile, 1, '1.1.0', 'gzip', @document, @createdAt)
                """,
                new { id = Guid.Parse(earlierId), profile = Guid.Parse(profileId), document = Gzip(json), createdAt = DateTimeOffset.Parse("2026-11-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture) });
        }

        // Read through the contract-checking client: the contract still describes the old set.
        var old = await Practice.GetAsync($"/v1/recommendations/{earlierId}");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(json, await old.Content.ReadAsStringAsync());
        var again = await (await Practice.GetAsync(response.Headers.Location!.OriginalString)).ReadObject();
        Assert.Equal("2.0.0", again["engineVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_man_is_not_recommended_a_women_only_group_a_woman_is_and_a_patient_who_recorded_no_gender_is()
    {
        await ServiceBodies.Create(api.Admin(), ServiceBodies.With(b =>
        {
            b["name"] = "Gender women's circle";
            b["conditions"] = new JsonArray("anxiety");
            b["formats"] = new JsonArray("online-group");
            b["venuePostcode"] = null;
            b["serviceArea"] = new JsonObject { ["national"] = true };
            b["eligibility"] = new JsonObject { ["gender"] = "women" };
        }));

        var man = (await Recommend(await Profile("GENDER-1", p => p["gender"] = "man"))).Set;
        var woman = (await Recommend(await Profile("GENDER-2", p => p["gender"] = "woman"))).Set;
        var unrecorded = (await Recommend(await Profile("GENDER-3", _ => { }))).Set;

        Assert.DoesNotContain("Gender women's circle", ServiceNames(man));
        Assert.True(man["exclusions"]!["gender"]!.GetValue<int>() >= 1);
        Assert.Contains("Gender women's circle", ServiceNames(woman));
        Assert.Contains("Gender women's circle", ServiceNames(unrecorded));
    }

    [Fact]
    public async Task A_patient_with_diabetes_is_not_recommended_a_befriending_line_for_loneliness_and_the_set_says_why_it_was_left_out()
    {
        await ServiceBodies.Create(api.Admin(), ServiceBodies.With(b =>
        {
            b["name"] = "Relevance befriending line";
            b["conditions"] = new JsonArray("loneliness");
            b["formats"] = new JsonArray("one-to-one-remote");
            b["venuePostcode"] = null;
            b["serviceArea"] = new JsonObject { ["national"] = true };
            b["quality"] = new JsonObject { ["trainedFacilitators"] = true, ["safeguardingPolicy"] = true, ["evidenceLevel"] = "trial", ["accreditations"] = new JsonArray("Helplines Standard") };
        }));

        var set = (await Recommend(await Profile("RELEVANCE-1", p => p["conditions"] = new JsonArray("diabetes")))).Set;

        Assert.DoesNotContain("Relevance befriending line", ServiceNames(set));
        Assert.True(set["exclusions"]!["other-needs"]!.GetValue<int>() >= 1);
        Assert.NotNull(set["variety"]);
    }

    private static byte[] Gzip(string json)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }
}
