using Microsoft.OpenApi;

namespace Referral.Api.OpenApi;

/// <summary>The pieces of a generated document the contract conventions look at.</summary>
internal static class DocumentWalk
{
    public static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        from path in document.Paths
        from operation in path.Value.Operations ?? []
        select (path.Key, operation.Key, operation.Value);

    public static IEnumerable<(string Status, OpenApiResponse Response)> Responses(OpenApiOperation operation) =>
        from response in operation.Responses ?? []
        where response.Value is OpenApiResponse
        select (response.Key, (OpenApiResponse)response.Value);

    public static OpenApiSchema Component(OpenApiDocument document, string name) =>
        document.Components?.Schemas?.TryGetValue(name, out var schema) == true && schema is OpenApiSchema concrete
            ? concrete
            : throw new InvalidOperationException($"The contract has no schema {name}: a convention in src/Referral.Api/OpenApi names it.");

    /// <summary>The component a response's body refers to, if it refers to one.</summary>
    public static string? ComponentOf(OpenApiResponse response) =>
        response.Content?.Values.Select(m => (m.Schema as OpenApiSchemaReference)?.Reference.Id).FirstOrDefault(id => id is not null);

    public static void AddHeader(OpenApiResponse response, string name, IOpenApiHeader header)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = header;
    }
}
