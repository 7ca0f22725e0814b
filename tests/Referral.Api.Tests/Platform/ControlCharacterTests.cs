using System.Globalization;
using System.Text.Json;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Platform;

/// <summary>
/// Identifiers, codes and names never hold control characters: a trailing newline once made a
/// second profile for the same patient that a search by patientRef could not find.
/// </summary>
public sealed class ControlCharacterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Fact]
    public async Task A_patient_ref_with_a_trailing_newline_is_refused_so_a_patient_cannot_get_a_second_profile()
    {
        await ProfileBodies.Create(Practice, ProfileBodies.Valid("DUP-1"));

        var response = await Practice.PostAsJsonAsync("/v1/profiles", ProfileBodies.Valid("DUP-1\n"));

        await response.AssertFieldError("patientRef");
        var found = await (await Practice.GetAsync("/v1/profiles?patientRef=DUP-1")).ReadObject();
        Assert.Equal(1, found["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_search_by_patient_ref_with_a_control_character_is_refused()
    {
        await (await Practice.GetAsync("/v1/profiles?patientRef=DUP-1%0A")).AssertFieldError("patientRef");
    }

    [Theory]
    [InlineData("1234567\n")]
    [InlineData("1234567\r\n")]
    [InlineData("\n1234567")]
    public async Task A_gmc_number_with_a_newline_is_refused(string number)
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        body["endorsement"]!["registration"]!["number"] = number;

        await (await Practice.PostAsJsonAsync("/v1/referrals", body)).AssertFieldError("endorsement.registration.number");
    }

    [Fact]
    public async Task Every_string_of_a_profile_refuses_a_control_character()
    {
        await AssertEveryStringRefusesControlCharacters(ProfileBodies.Valid("CTRL-1"), body => Practice.PostAsJsonAsync("/v1/profiles", body));
    }

    [Fact]
    public async Task Every_string_of_a_service_refuses_a_control_character()
    {
        await AssertEveryStringRefusesControlCharacters(ServiceBodies.Valid(), body => api.Admin().PostAsJsonAsync("/v1/services", body));
    }

    [Fact]
    public async Task Every_string_of_a_referral_refuses_a_control_character()
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        await AssertEveryStringRefusesControlCharacters(ReferralBodies.Referral(profileId, serviceId), body => Practice.PostAsJsonAsync("/v1/referrals", body));
    }

    [Fact]
    public async Task Free_text_may_span_lines()
    {
        var service = await ServiceBodies.Create(api.Admin(), ServiceBodies.With(b => b["description"] = "Weekly walks.\r\nTea afterwards.\tAll welcome."));
        Assert.Contains("\r\n", service["description"]!.GetValue<string>());

        var (profileId, serviceId) = await ReferralBodies.Parties(api);
        var body = ReferralBodies.Referral(profileId, serviceId);
        body["endorsement"]!["note"] = "I think this will suit you.\nSee you in a month.";
        Assert.Equal(HttpStatusCode.Created, (await Practice.PostAsJsonAsync("/v1/referrals", body)).StatusCode);
    }

    [Fact]
    public async Task Free_text_still_refuses_other_control_characters()
    {
        await (await api.Admin().PostAsJsonAsync("/v1/services", ServiceBodies.With(b => b["description"] = "Weekly walks.\u001b[2J"))).AssertFieldError("description");
    }

    /// <summary>Puts a control character into each string of a valid body in turn; each must be a 400 naming that string.</summary>
    private static async Task AssertEveryStringRefusesControlCharacters(JsonObject valid, Func<JsonObject, Task<HttpResponseMessage>> send)
    {
        var paths = StringLeaves(valid).ToList();
        Assert.NotEmpty(paths);
        foreach (var path in paths)
        {
            var body = valid.DeepClone().AsObject();
            var leaf = Find(body, path);
            leaf.ReplaceWith(JsonValue.Create(leaf.GetValue<string>() + "\u0007"));

            await (await send(body)).AssertFieldError(path);
        }
    }

    private static IEnumerable<string> StringLeaves(JsonNode? node, string path = "") => node switch
    {
        JsonObject o => o.SelectMany(p => StringLeaves(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => StringLeaves(item, $"{path}[{i}]")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [path],
        _ => [],
    };

    private static JsonNode Find(JsonNode node, string path)
    {
        foreach (var part in path.Replace("[", ".[", StringComparison.Ordinal).Split('.'))
        {
            node = part.StartsWith('[') ? node[int.Parse(part[1..^1], CultureInfo.InvariantCulture)]! : node[part]!;
        }

        return node;
    }
}
