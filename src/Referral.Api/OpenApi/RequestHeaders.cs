using Microsoft.OpenApi;

namespace Referral.Api.OpenApi;

/// <summary>What the request headers the endpoints bind mean, and their limits, wherever they appear.</summary>
internal static class RequestHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string IfMatch = "If-Match";
    public const string IfNoneMatch = "If-None-Match";

    public static void Apply(OpenApiDocument document)
    {
        foreach (var parameter in DocumentWalk.Operations(document).SelectMany(o => o.Operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter is { In: ParameterLocation.Header, Name: IdempotencyKey })
            {
                parameter.Description = "Any string of 1 to 100 characters that is new for each thing you create (a referral, a set of outcome measures), e.g. a UUID. Retrying with the same key and body (and, for outcome measures, the same referral) returns the first response (with Idempotent-Replayed: true) and creates nothing; the same key with another body or referral is 422. Keys are stored hashed, and erased with the profile's referrals.";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 100 };
            }
            else if (parameter is { In: ParameterLocation.Header, Name: IfMatch })
            {
                parameter.Description = "The ETag you last read (e.g. \"3\"), so the change applies only to that version: otherwise 412, and nothing changes. \"*\" or no header changes whatever version is current.";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 };
            }
            else if (parameter is { In: ParameterLocation.Header, Name: IfNoneMatch })
            {
                parameter.Description = "The ETag(s) of the answer you already hold, comma-separated, or \"*\": if one is still current (weak comparison, so W/\"3\" matches \"3\"), the answer is 304 Not Modified with no body.";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 };
            }
        }
    }
}
