using Microsoft.AspNetCore.Authentication;

namespace Referral.Api.Security;

public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddApiKeySecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.DirectoryAdmin, p => p.RequireRole(Roles.DirectoryAdmin))
            .AddPolicy(Policies.Practice, p => p.RequireRole(Roles.Practice).RequireClaim(ReferralClaims.OdsCode))
            .AddPolicy(Policies.Insights, p => p.RequireAssertion(c =>
                c.User.IsInRole(Roles.Analyst) || (c.User.IsInRole(Roles.Practice) && c.User.HasClaim(x => x.Type == ReferralClaims.OdsCode))));
        return services;
    }
}
