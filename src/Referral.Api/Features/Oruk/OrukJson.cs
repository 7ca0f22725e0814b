using System.Text.Json;
using System.Text.Json.Serialization;
using Referral.Api.Http;

namespace Referral.Api.Features.Oruk;

/// <summary>
/// The feed's JSON: the API's options, except that a member without a value is left out rather
/// than written as null, as the ORUK compliance criteria require (empty lists are already null).
/// </summary>
public static class OrukJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static RenderedJson<T> Result<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value, Options));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        ReferralApiExtensions.Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
