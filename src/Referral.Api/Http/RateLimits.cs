using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Referral.Api.Security;

namespace Referral.Api.Http;

/// <summary>
/// Writes are limited per API key (a fixed window a minute), so one misbehaving practice system
/// cannot crowd out the others. Reads are not limited here.
/// </summary>
public static class RateLimits
{
    public const string Writes = "writes";

    public static IServiceCollection AddWriteRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue<int?>("Limits:WritesPerMinutePerKey") ?? 120;
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Writes, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirst(ReferralClaims.KeyId)?.Value ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This key may make {permits} changes a minute. Wait and try again.",
                    },
                });
            };
        });
        return services;
    }
}
