using Microsoft.Net.Http.Headers;

namespace Referral.Api.Security;

/// <summary>
/// Response headers that keep what the API returns where it belongs: nothing is sniffed as
/// another type, framed by another site, or kept by a browser or proxy cache unless an endpoint
/// says it may be (profiles, sets, referrals and audit trails are personal data). Swagger UI, a
/// page rather than JSON, gets a policy that lets it run but still never be framed.
/// </summary>
public static class SecurityHeaders
{
    private const string SwaggerPolicy = "swagger-ui";
    public const string SwaggerPath = "/swagger";

    public static IServiceCollection AddReferralSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => p.AddDefaultApiSecurityHeaders())
            .AddPolicy(SwaggerPolicy, p => p
                .AddDefaultSecurityHeaders()
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().Self();
                    csp.AddImgSrc().Self().Data();
                    csp.AddStyleSrc().Self().UnsafeInline();
                    csp.AddObjectSrc().None();
                    csp.AddFrameAncestors().None();
                }))
            .SetPolicySelector(context =>
                context.HttpContext.Request.Path.StartsWithSegments(SwaggerPath)
                    ? context.ConfiguredPolicies[SwaggerPolicy]
                    : context.SelectedPolicy));

    public static IApplicationBuilder UseReferralSecurityHeaders(this IApplicationBuilder app)
    {
        app.UseSecurityHeaders();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                // An endpoint that may be cached says so itself; everything else is never stored.
                if (!context.Response.Headers.ContainsKey(HeaderNames.CacheControl))
                {
                    context.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>Swagger UI is served in Development, and elsewhere only when Swagger:Enabled says so.</summary>
    public static bool SwaggerUiEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Swagger:Enabled") ?? environment.IsDevelopment();
}
