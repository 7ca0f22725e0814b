using Microsoft.OpenApi;

namespace Referral.Api.OpenApi;

/// <summary>
/// Declares the response headers the API sends, by convention rather than per endpoint: a 201
/// says where the new resource is; a versioned resource (one with a version property) comes
/// with its ETag, the value If-Match takes; 429 and a refused write (503) say when to retry; a
/// create that takes an Idempotency-Key says when it replays; a read that takes If-None-Match
/// gives its validator and caching rule on the 200 and on the 304 that reuses it.
/// </summary>
internal static class ResponseHeaders
{
    public static void Apply(OpenApiDocument document)
    {
        foreach (var (_, _, operation) in DocumentWalk.Operations(document))
        {
            var idempotent = operation.Parameters?.Any(p => p.Name == RequestHeaders.IdempotencyKey) == true;
            var revalidated = operation.Parameters?.Any(p => p is { In: ParameterLocation.Header, Name: RequestHeaders.IfNoneMatch }) == true;
            foreach (var (status, response) in DocumentWalk.Responses(operation))
            {
                if (status == "201")
                {
                    DocumentWalk.AddHeader(response, "Location", Header("The path of the resource created.", required: true));
                    if (idempotent)
                    {
                        DocumentWalk.AddHeader(response, "Idempotent-Replayed", new OpenApiHeader
                        {
                            Description = "true when this is the stored response to an earlier request with the same Idempotency-Key: nothing new was created.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] },
                        });
                    }
                }

                if (status is "200" or "201" && IsVersioned(document, response))
                {
                    DocumentWalk.AddHeader(response, "ETag", Header(
                        "The resource's version as a strong entity tag, e.g. \"3\": send it back in If-Match to change the resource safely"
                        + (revalidated ? ", or in If-None-Match to be told 304 while it is current." : "."),
                        required: true));
                }

                if (revalidated && status is "200" or "304")
                {
                    ConditionalResponses.Apply(status, response);
                }

                if (status is "429" or "503" && response.Content?.ContainsKey("application/problem+json") == true)
                {
                    DocumentWalk.AddHeader(response, "Retry-After", new OpenApiHeader
                    {
                        Description = "Seconds to wait before trying again.",
                        Required = true,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
                    });
                }
            }
        }
    }

    private static bool IsVersioned(OpenApiDocument document, OpenApiResponse response) =>
        DocumentWalk.ComponentOf(response) is { } name && DocumentWalk.Component(document, name).Properties?.ContainsKey("version") == true;

    private static OpenApiHeader Header(string description, bool required) =>
        new() { Description = description, Required = required, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
