using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Search;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data;
using Referral.Data.Directory;
using Referral.Domain.Directory;
using Referral.Domain.Geography;

namespace Referral.Api.Features.Services;

/// <summary>
/// The directory of peer support services. Reading is open to anyone, as the Open Referral UK
/// standard expects of a service directory; changing it needs a directory-admin key.
/// </summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/services").WithTags("Services").WithValidation();

        group.MapGet("/", ListServices)
            .WithName("ListServices")
            .WithSummary("List and search the directory")
            .WithDescription("Filters combine with AND. With near, only services with a venue within radiusKm are listed, nearest first (then by name), each with its distance between postcode district centroids. Otherwise, with q, the most relevant come first: services whose name holds more of q's words before those that only mention them, then by name; with neither, services are ordered by name. Open to anyone. The answer carries an ETag that changes whenever the directory does: send it back in If-None-Match to be told 304 Not Modified, with no body, while it still holds.")
            .AllowAnonymous();

        group.MapGet("/{id:guid}", GetService)
            .WithName("GetService")
            .WithSummary("Read one service")
            .WithDescription("Returns the service with an ETag header; send it back as If-Match when you replace the service, or as If-None-Match to be told 304 Not Modified, with no body, while the service is unchanged.")
            .ProducesProblemJson(StatusCodes.Status404NotFound)
            .AllowAnonymous();

        group.MapPost("/", CreateService)
            .WithName("CreateService")
            .WithSummary("Add a service to the directory")
            .WithDescription("Needs a directory-admin key. Returns the service with its id, version 1, a Location and an ETag; every field error is named in one 400.")
            .RequireAuthorization(Policies.DirectoryAdmin)
            .RequireRateLimiting(RateLimits.Writes);

        group.MapPut("/{id:guid}", ReplaceService)
            .WithName("ReplaceService")
            .WithSummary("Replace a service's description")
            .WithDescription("Send If-Match with the ETag from GET to make sure you are not overwriting someone else's change: a mismatch is 412.")
            .ProducesProblemJson(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed)
            .RequireAuthorization(Policies.DirectoryAdmin)
            .RequireRateLimiting(RateLimits.Writes);

        group.MapDelete("/{id:guid}", RetireService)
            .WithName("RetireService")
            .WithSummary("Retire a service")
            .WithDescription("Sets the status to closed. Nothing is deleted: referrals and recommendations that name the service stay traceable.")
            .ProducesProblemJson(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.DirectoryAdmin)
            .RequireRateLimiting(RateLimits.Writes);

        return app;
    }

    public static Results<ServicePageResult, NotModified> ListServices(
        [AsParameters] ServiceListRequest request,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        DirectorySearch search,
        PostcodeDistricts districts,
        HttpContext http)
    {
        GeoPoint? near = districts.TryLocate(request.Near, out _, out var point) ? point : null;
        var query = new DirectoryQuery
        {
            Text = request.Q,
            Condition = request.Condition,
            Community = request.Community,
            Format = request.Format,
            Language = request.Language,
            Status = request.Status ?? ServiceStatuses.Active,
            Near = near,
            RadiusKm = request.RadiusKm ?? ServiceListRequest.DefaultRadiusKm,
            Page = request.Page ?? 1,
            PageSize = request.PageSize ?? Paging.DefaultPageSize,
        };

        // A poller whose copy still holds is answered before any searching.
        var etag = ListingETag.For(search.Revision, query);
        if (ConditionalGet.NoneMatchFails(ifNoneMatch, etag))
        {
            ConditionalGet.MarkPublic(http.Response, etag);
            return NotModified.Instance;
        }

        // The tag of the state the page was read from, which a write may have moved on since.
        var (page, revision) = search.Search(query);
        ConditionalGet.MarkPublic(http.Response, ListingETag.For(revision, query));
        return new ServicePageResult(page, query.Page, query.PageSize);
    }

    public static Results<RenderedJson<ServiceView>, NotModified, ProblemHttpResult> GetService(
        Guid id,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        DirectorySearch search,
        HttpContext http)
    {
        var service = search.Find(id);
        if (service is null)
        {
            return Problem.NotFound("service");
        }

        // The version stays the ETag, so the one tag serves If-Match on PUT and If-None-Match here.
        var etag = ETags.For(service.Version);
        ConditionalGet.MarkPublic(http.Response, etag);
        if (ConditionalGet.NoneMatchFails(ifNoneMatch, etag))
        {
            return NotModified.Instance;
        }

        return new RenderedJson<ServiceView>(service.Json);
    }

    public static async Task<Created<ServiceView>> CreateService(
        ServiceBody body, IServiceRepository services, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var service = await services.CreateAsync(body.ToDomain(), clock.GetUtcNow(), cancellationToken);
        http.Response.Headers.ETag = ETags.For(service.Version);
        return TypedResults.Created($"/v1/services/{service.Id}", service.ToView());
    }

    public static async Task<Results<Ok<ServiceView>, ProblemHttpResult>> ReplaceService(
        Guid id,
        ServiceBody body,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        IServiceRepository services,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var outcome = await services.ReplaceAsync(
            id, body.ToDomain(), ETags.ExpectedVersionOf(ifMatch), clock.GetUtcNow(), cancellationToken);
        switch (outcome)
        {
            case ReplaceOutcome<Service>.Replaced replaced:
                http.Response.Headers.ETag = ETags.For(replaced.Value.Version);
                return TypedResults.Ok(replaced.Value.ToView());
            case ReplaceOutcome<Service>.VersionMismatch mismatch:
                return Problem.PreconditionFailed(ETags.For(mismatch.CurrentVersion));
            default:
                return Problem.NotFound("service");
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RetireService(
        Guid id, IServiceRepository services, TimeProvider clock, CancellationToken cancellationToken)
    {
        var retired = await services.RetireAsync(id, clock.GetUtcNow(), cancellationToken);
        if (retired is null)
        {
            return Problem.NotFound("service");
        }

        return TypedResults.NoContent();
    }
}
