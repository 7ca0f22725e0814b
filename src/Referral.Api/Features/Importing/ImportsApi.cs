using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Security;
using Referral.Api.Validation;

namespace Referral.Api.Features.Importing;

/// <summary>The body of POST /v1/imports.</summary>
public sealed record ImportBody
{
    [Required, MaxLength(2000)]
    [Description("The ORUK feed's base URL (the one whose /services lists the services), http or https, on a host in Import:AllowedHosts; or a file or folder of ORUK JSON inside one of Import:Folders on the server.")]
    public string Feed { get; init; } = string.Empty;
}

public sealed class ImportBodyValidator : AbstractValidator<ImportBody>
{
    public ImportBodyValidator(IOptions<ImportOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var addresses = new FeedAddress(options.Value);
        var folders = options.Value.Folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f, environment.ContentRootPath)) + Path.DirectorySeparatorChar).ToList();
        string? Refusal(string feed)
        {
            if (FeedReader.IsUrl(feed))
            {
                return addresses.Refusal(feed);
            }

            // A path is only read inside a listed folder, so the endpoint cannot read the server's other files.
            var full = Path.GetFullPath(feed, environment.ContentRootPath);
            return folders.Any(f => (full + Path.DirectorySeparatorChar).StartsWith(f, StringComparison.Ordinal))
                ? null
                : "The feed must be an http or https URL on Import:AllowedHosts, or a file or folder inside Import:Folders.";
        }

        RuleFor(b => b.Feed).NotEmpty()
            .Must(f => Refusal(f) is null)
            .WithMessage(b => Refusal(b.Feed) ?? string.Empty);
    }
}

/// <summary>Imports of ORUK feeds, for directory admins: started here, run in the background, reported on the job.</summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/imports").WithTags("Imports").WithValidation().RequireAuthorization(Policies.DirectoryAdmin);

        group.MapPost("/", StartImport)
            .WithName("StartImport")
            .WithSummary("Import an ORUK 3.0 feed into the directory")
            .WithDescription("Needs a directory-admin key. Answers 202 with the job at once; the import follows every page of the feed in the background, one import at a time on each instance. GET the job (its Location) for progress and, when it is done, the report: created, updated, unchanged, closed, and each rejected record with its reasons.")
            .RequireRateLimiting(RateLimits.Writes);

        group.MapGet("/{id:guid}", GetImport)
            .WithName("GetImport")
            .WithSummary("An import's progress and report")
            .WithDescription("Needs a directory-admin key. status is running (with pages and records read so far), completed or failed; when done, report holds the counts, each rejected record with its reasons, and notes of what was left out of the records taken. Jobs are stored, so any instance answers for any job, after restarts too; a job whose server stopped before it finished (not heard from for 30 seconds) is reported failed, and running it again converges.")
            .ProducesProblemJson(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Accepted<ImportJobView>> StartImport(ImportBody body, ImportJobs jobs, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(environment);
        var job = await jobs.StartAsync(FeedReader.IsUrl(body.Feed) ? body.Feed : Path.GetFullPath(body.Feed, environment.ContentRootPath), cancellationToken);
        return TypedResults.Accepted($"/v1/imports/{job.Id}", job);
    }

    public static async Task<Results<Ok<ImportJobView>, ProblemHttpResult>> GetImport(Guid id, ImportJobs jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return await jobs.FindAsync(id, cancellationToken) is { } job ? TypedResults.Ok(job) : Problem.NotFound("import");
    }
}
