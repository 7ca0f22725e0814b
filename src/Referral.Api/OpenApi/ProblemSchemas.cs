using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Referral.Domain.Referrals;

namespace Referral.Api.OpenApi;

/// <summary>
/// Problem bodies as they really are: RFC 9457 lets a problem carry extension members, and every
/// one of ours carries traceId. The generator closes them (additionalProperties: false), so a
/// generated client would drop what the API says. A refused status change also names where the
/// referral is and where it may go, under its own schema.
/// </summary>
internal static class ProblemSchemas
{
    public const string StatusConflict = "StatusChangeConflict";
    private const string StatusChangeOperation = "ChangeReferralStatus";

    public static void Apply(OpenApiDocument document)
    {
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            var schema = DocumentWalk.Component(document, name);
            schema.AdditionalPropertiesAllowed = true;
            schema.AdditionalProperties = null;
            schema.Description = "An RFC 9457 problem. Further members may be added, so keep any you do not know.";
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Identifies the request in the server's logs: quote it when reporting a problem.",
            };
        }

        document.Components!.Schemas![StatusConflict] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A status change the referral's lifecycle does not allow.",
            AllOf = [new OpenApiSchemaReference("ProblemDetails", document)],
            Required = new HashSet<string> { "currentStatus", "allowedNext" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["currentStatus"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Statuses(), Description = "The referral's status now." },
                ["allowedNext"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Statuses() },
                    Description = "The statuses it may move to next; empty once it is final.",
                },
            },
        };

        var conflict = DocumentWalk.Operations(document).Where(o => o.Operation.OperationId == StatusChangeOperation)
            .SelectMany(o => DocumentWalk.Responses(o.Operation)).Where(r => r.Status == "409").Select(r => r.Response).SingleOrDefault()
            ?? throw new InvalidOperationException($"{StatusChangeOperation} declares no 409: the status conflict problem has nowhere to go.");
        foreach (var media in conflict.Content!.Values)
        {
            media.Schema = new OpenApiSchemaReference(StatusConflict, document);
        }
    }

    private static List<JsonNode> Statuses() => ReferralStatuses.All.Select(s => (JsonNode)JsonValue.Create(s)).ToList();
}
