using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Referral.Api.Demo;
using Referral.Data.Keys;

namespace Referral.Api.Security;

/// <summary>
/// Authenticates the X-API-Key header against the stored key hashes, and answers 401 and 403
/// with problem+json rather than an empty body.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyRepository keys,
    IProblemDetailsService problems,
    IHostEnvironment environment) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeys.Hash(values.ToString().Trim());
        // The demo keys are printed in the README: outside Development they are nobody's key,
        // even on a database that a Development run once seeded with them.
        var key = DemoData.IsDemoKeyHash(hash) && !environment.IsDevelopment()
            ? null
            : await keys.FindActiveAsync(hash, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(ReferralClaims.KeyId, key.Id.ToString()),
            new(ClaimTypes.Role, key.Role),
        };
        if (key.OdsCode is not null)
        {
            claims.Add(new Claim(ReferralClaims.OdsCode, key.OdsCode));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeys.HeaderName}\"";
        var missing = !Request.Headers.ContainsKey(ApiKeys.HeaderName);
        return WriteProblem(
            StatusCodes.Status401Unauthorized,
            "Authentication required",
            missing
                ? $"This endpoint needs an API key in the {ApiKeys.HeaderName} header."
                : $"The API key in the {ApiKeys.HeaderName} header is not known or has been revoked.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(
            StatusCodes.Status403Forbidden,
            "Not allowed for this key",
            $"Your key has the role '{Context.User.FindFirstValue(ClaimTypes.Role)}', which cannot use this endpoint.");

    private async Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
