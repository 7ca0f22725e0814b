using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Fuzz;

/// <summary>
/// Real rows for path and body ids to point at, so that a fuzzed request reaches the code behind
/// the lookup rather than stopping at "not found". All belong to practice A, so practice B's key
/// probes another practice's data.
/// </summary>
public sealed class FuzzResources
{
    private readonly Dictionary<string, string> _ids;

    private FuzzResources(Dictionary<string, string> ids) => _ids = ids;

    /// <summary>A service, a profile, a recommendation set for it and a referral between them.</summary>
    public static async Task<FuzzResources> CreateAsync(ApiFactory api)
    {
        var practice = api.ClientWithKey(api.PracticeAKey);
        var name = Guid.NewGuid().ToString("N")[..12];
        var service = await ServiceBodies.Create(api.Admin(), ServiceBodies.At($"Fuzz target {name}", "LS1 4AP"));
        var profile = await ProfileBodies.Create(practice, ProfileBodies.Valid($"FUZZ-{name}"));
        var serviceId = service["id"]!.GetValue<string>();
        var profileId = profile["id"]!.GetValue<string>();
        var set = await (await practice.PostAsync($"/v1/profiles/{profileId}/recommendations", null)).ReadObject(HttpStatusCode.Created);
        var referralBody = ReferralBodies.Referral(profileId, serviceId);
        referralBody["recommendationId"] = set["id"]!.GetValue<string>();
        var referral = await (await practice.PostAsJsonAsync("/v1/referrals", referralBody)).ReadObject(HttpStatusCode.Created);

        // The ORUK feed's own ids for what the service is published with, and an import job.
        var oruk = await (await api.Anonymous().GetAsync($"/oruk/services/{serviceId}")).ReadObject();
        var taxonomy = (await (await api.Anonymous().GetAsync("/oruk/taxonomies")).ReadObject())["contents"]![0]!["id"]!.GetValue<string>();
        var term = (await (await api.Anonymous().GetAsync("/oruk/taxonomy_terms")).ReadObject())["contents"]![0]!["id"]!.GetValue<string>();
        var import = await (await api.Admin().PostAsJsonAsync("/v1/imports", new { feed = "https://feeds.example.org/oruk" })).ReadObject(HttpStatusCode.Accepted);

        return new FuzzResources(new()
        {
            ["taxonomies"] = taxonomy,
            ["taxonomy_terms"] = term,
            ["organizations"] = oruk["organization_id"]!.GetValue<string>(),
            ["service_at_locations"] = oruk["service_at_locations"]![0]!["id"]!.GetValue<string>(),
            ["imports"] = import["id"]!.GetValue<string>(),
            ["services"] = serviceId,
            ["profiles"] = profileId,
            ["recommendations"] = set["id"]!.GetValue<string>(),
            ["referrals"] = referral["id"]!.GetValue<string>(),
        });
    }

    /// <summary>The id for a path parameter: the resource is named by the segment before it, as in /v1/referrals/{id}/events.</summary>
    public string ForPathParameter(string pathTemplate, string parameter)
    {
        var segments = pathTemplate.Split('/');
        var at = Array.IndexOf(segments, "{" + parameter + "}");
        var kind = at > 0 ? segments[at - 1] : parameter;
        return IdOf(FhirTypes.TryGetValue(kind, out var ours) ? ours : kind);
    }

    /// <summary>The FHIR facade's resource types, and the /v1 resources whose ids they share.</summary>
    private static readonly Dictionary<string, string> FhirTypes = new(StringComparer.Ordinal)
    {
        ["HealthcareService"] = "services",
        ["ServiceRequest"] = "referrals",
        ["Task"] = "referrals",
    };

    /// <summary>The id for a field or query parameter such as profileId: the resource is its name without "Id", made plural.</summary>
    public string ForField(string? name) =>
        IdOf(name is not null && name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] + "s" : name ?? string.Empty);

    /// <summary>A resource the tests never made gets a fresh GUID: well formed, found nowhere.</summary>
    private string IdOf(string kind) => _ids.TryGetValue(kind, out var id) ? id : Guid.NewGuid().ToString();
}
