using Microsoft.OpenApi;
using Referral.Api.Http;

namespace Referral.Api.OpenApi;

/// <summary>
/// The headers of a conditional GET's 200 and 304: the validator to send back in If-None-Match
/// (a versioned resource's is its version, already declared) and the caching rule.
/// </summary>
internal static class ConditionalResponses
{
    public static void Apply(string status, OpenApiResponse response)
    {
        if (status == "304")
        {
            response.Description = "Not Modified: the ETag you sent in If-None-Match is still current. No body; keep using the answer you hold.";
        }

        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        if (!response.Headers.ContainsKey("ETag"))
        {
            DocumentWalk.AddHeader(response, "ETag", new OpenApiHeader
            {
                Description = "The validator of this answer: send it back in If-None-Match to be told 304 while it is current. It changes with any change that could change the answer.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        DocumentWalk.AddHeader(response, "Cache-Control", new OpenApiHeader
        {
            Description = $"\"{ConditionalGet.PublicDirectory}\": the directory is public, so any cache may keep it, but must revalidate (If-None-Match) before each use.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
