using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Referral.Data.Sqlite;

namespace Referral.Api.Features.Health;

/// <summary>
/// Liveness does no I/O, so an orchestrator never restarts a healthy process because the
/// database is slow; readiness checks that the database answers and is fully migrated.
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
        group.MapGet("/live", Live).WithName("Live").WithSummary("The process is running (no I/O)");
        group.MapGet("/ready", Ready).WithName("Ready").WithSummary("The database is reachable and fully migrated")
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

    private sealed class DatabaseReadyCheck(SqliteConnectionFactory connections, SqliteMigrator migrator) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await connections.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken);
                var pending = migrator.PendingScripts();
                return pending.Count == 0
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"{pending.Count} migrations not applied.");
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
        }
    }
}

/// <summary>healthy or unhealthy, and why not when it is not.</summary>
public sealed record HealthState(string Status, string? Detail);
