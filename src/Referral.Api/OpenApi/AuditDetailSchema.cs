using Microsoft.OpenApi;

namespace Referral.Api.OpenApi;

/// <summary>
/// An audit entry's detail is stored as JSON the repositories write, so the generator sees only
/// a JsonElement and tells clients nothing. This names the members each action records.
/// </summary>
internal static class AuditDetailSchema
{
    public const string Name = "AuditDetail";

    public static void Apply(OpenApiDocument document)
    {
        document.Components!.Schemas![Name] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "What changed, without personal data. Which members appear depends on the action: referral-created has serviceId, recommendationId (when given), route, source, status and recordSharing (when recorded); status-changed has from, to and reason (when given); record-sharing-changed has from and to; endorsed has role and registrationBody (when given); profile-erased has removed; outcome-recorded has timepoint and outcomeId (never the answers); endorsement-withdrawn has none.",
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["serviceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                ["recommendationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                ["route"] = Code("The referral's route."),
                ["source"] = Code("Who initiated the referral."),
                ["status"] = Code("The status the referral started in."),
                ["recordSharing"] = Code("What may go back to the GP record: full-summary or codes-only."),
                ["from"] = Code("The status (or record sharing) before the change."),
                ["to"] = Code("The status (or record sharing) after the change."),
                ["reason"] = Code("The decline reason code."),
                ["role"] = Code("The endorsing clinician's role."),
                ["registrationBody"] = Code("The body the clinician is registered with."),
                ["timepoint"] = Code("The outcome measures' timepoint: baseline or follow-up."),
                ["outcomeId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                ["removed"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                    Description = "What the erasure removed from the referral.",
                },
            },
        };

        var entry = DocumentWalk.Component(document, "AuditEntryView");
        entry.Properties!["detail"] = new OpenApiSchemaReference(Name, document);
        // Nothing else is a JsonElement; left in, it would advertise a schema that says nothing.
        document.Components.Schemas.Remove("JsonElement");
    }

    private static OpenApiSchema Code(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
