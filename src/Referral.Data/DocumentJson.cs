using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referral.Data;

/// <summary>
/// How the JSON documents in service and profile rows are written and read. Owned here, not
/// by the API: the API's options serve clients and may change for them, while rows already
/// written must keep reading the same way for as long as the database lives.
/// </summary>
internal static class DocumentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Every member name is pinned with [JsonPropertyName] on the document types: no naming
        // policy, and an exact match on read, so nothing but those attributes decides a name.
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        // Nulls are written, as they always have been ("venuePostcode":null).
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // An unknown member is skipped, not refused: after a rollback, rows written by a later
        // release must still load (the matching directory reads every row at start-up).
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        // The default encoder, which escapes as every row so far was escaped (\u0027, \u00E9).
        Encoder = null,
    };

    public static string Write<T>(T document) => JsonSerializer.Serialize(document, Options);

    /// <param name="what">Names the row in the error, e.g. "Service 8c34…"; never its content.</param>
    public static T Read<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"{what} has an empty document.");
}
