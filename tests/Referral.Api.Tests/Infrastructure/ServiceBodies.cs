using System.Text.Json;
using Referral.Api.OpenApi;

namespace Referral.Api.Tests.Infrastructure;

/// <summary>Valid service descriptions to start from; each test changes only what it is about.</summary>
public static class ServiceBodies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The contract's own example: an in-person and online group in Leeds.</summary>
    public static JsonObject Valid() => JsonSerializer.SerializeToNode(Examples.Service, Json)!.AsObject();

    public static JsonObject With(Action<JsonObject> change)
    {
        var body = Valid();
        change(body);
        return body;
    }

    public static JsonObject OnlineNational(string name) => With(b =>
    {
        b["name"] = name;
        b["formats"] = new JsonArray("online-group");
        b["venuePostcode"] = null;
        b["serviceArea"] = new JsonObject { ["national"] = true, ["radiusKm"] = null, ["remoteRadiusKm"] = null };
    });

    public static JsonObject At(string name, string postcode) => With(b =>
    {
        b["name"] = name;
        b["venuePostcode"] = postcode;
    });

    public static async Task<JsonObject> Create(HttpClient admin, JsonObject body)
    {
        var response = await admin.PostAsJsonAsync("/v1/services", body);
        return await response.ReadObject(HttpStatusCode.Created);
    }
}
