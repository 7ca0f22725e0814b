namespace Referral.Api.OpenApi;

/// <summary>
/// The framework serves the YAML document as text/plain+yaml; YAML's registered media type is
/// application/yaml (RFC 9512), which tools and browsers recognise.
/// </summary>
public static class OpenApiYaml
{
    public const string MediaType = "application/yaml; charset=utf-8";

    public static IEndpointConventionBuilder ServedAsApplicationYaml(this IEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true)
                    {
                        context.Response.ContentType = MediaType;
                    }

                    return Task.CompletedTask;
                });
                return inner(context);
            };
        });
        return builder;
    }
}
