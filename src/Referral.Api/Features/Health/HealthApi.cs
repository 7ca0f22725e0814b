using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Referral.Data;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Health;

/// <summary>
/// Liveness does no I/O, so an orchestrator never restarts a healthy process because the
/// database is slow; readiness checks that the database answers, is fully migrated, and has
/// not refused a write lately (disk full, locked, read-only).
/// </summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddReferralHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", Live).WithName("Live").WithSummary("The process is running (no I/O)")
            .WithDescription("Always 200 while the process can answer: for a liveness probe, which should restart the process only when this fails.");
        group.MapGet("/ready", Ready).WithName("Ready").WithSummary("The database is reachable and fully migrated")
            .WithDescription("200 when the database answers and carries every migration, otherwise 503: for a readiness probe, which should send no traffic until this passes.")
            .Produces<HealthState>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static Ok<HealthState> Live() => TypedResults.Ok(new HealthState("healthy", null));

    public static async Task<Results<Ok<HealthState>, JsonHttpResult<HealthState>>> Ready(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellationToken);
        var status = new HealthState(
            report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
            report.Entries.Values.Select(e => e.Description).OfType<string>().FirstOrDefault());
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(status)
            : TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private sealed class DatabaseReadyCheck(IStorageReadiness storage) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await storage.ProblemAsync(cancellationToken) is { } problem
                ? HealthCheckResult.Unhealthy(problem)
                : HealthCheckResult.Healthy();
    }
}

/// <summary>healthy or unhealthy, and why not when it is not.</summary>
public sealed record HealthState([property: Vocabulary("healthy", "unhealthy")] string Status, string? Detail);
