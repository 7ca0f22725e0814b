using Microsoft.OpenApi;
using Referral.Matching;

namespace Referral.Api.OpenApi;

/// <summary>
/// A recommendation set counts the services each hard constraint removed, always under every
/// constraint's code. The generator sees a dictionary; the engine's model knows the keys. A set
/// is kept as it was made, so one made by an earlier engine has only that engine's codes: the
/// codes every engine has counted are required, the later ones allowed.
/// </summary>
internal static class ExclusionsSchema
{
    /// <summary>The constraints of engine 1.x, counted in every set ever stored.</summary>
    private static readonly string[] SinceFirstEngine =
        ["not-active", "age", "full", "avoided-format", "too-far", "out-of-area", "cost", "language", "access"];

    public static void Apply(OpenApiDocument document)
    {
        var codes = MatchingEngine.Model.HardConstraints.Select(c => c.Code).ToList();
        var set = DocumentWalk.Component(document, "RecommendationSetView");
        set.Properties!["exclusions"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "How many services each hard constraint removed, by its code (GET /v1/matching/model lists the rules); 0 where it removed none. Sets made before engine 2.0.0 lack the codes added since (gender, other-needs).",
            Required = new HashSet<string>(SinceFirstEngine),
            AdditionalPropertiesAllowed = false,
            Properties = codes.ToDictionary(c => c, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" }),
        };
    }
}
