using Microsoft.OpenApi;
using Referral.Matching;

namespace Referral.Api.OpenApi;

/// <summary>
/// A recommendation set counts the services each hard constraint removed, always under every
/// constraint's code. The generator sees a dictionary; the engine's model knows the keys.
/// </summary>
internal static class ExclusionsSchema
{
    public static void Apply(OpenApiDocument document)
    {
        var codes = MatchingEngine.Model.HardConstraints.Select(c => c.Code).ToList();
        var set = DocumentWalk.Component(document, "RecommendationSetView");
        set.Properties!["exclusions"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "How many services each hard constraint removed, by its code (GET /v1/matching/model lists the rules); 0 where it removed none.",
            Required = new HashSet<string>(codes),
            AdditionalPropertiesAllowed = false,
            Properties = codes.ToDictionary(c => c, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" }),
        };
    }
}
