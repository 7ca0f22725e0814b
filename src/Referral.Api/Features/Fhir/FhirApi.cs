using System.Security.Claims;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http.Extensions;
using Referral.Api.Features.GpRecord;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Api.Search;
using Referral.Data.Directory;
using Referral.Data.Referrals;
using Referral.Domain.Geography;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Referral.Api.Features.Fhir;

/// <summary>
/// A read-only FHIR R4 facade over the /v1 API, for integrations that speak UK Core: the same
/// keys, the same practice scoping (another practice's referral is 404, as if it did not exist),
/// a resource's FHIR id is our id for it, and every error is an OperationOutcome.
/// </summary>
public static class FhirApi
{
    public const string Root = "/fhir";

    public static bool IsFhirRequest(HttpRequest request) => request.Path.StartsWithSegments(Root, StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup(Root).WithTags("FHIR");

        fhir.MapGet("/metadata", Metadata)
            .WithName("FhirCapabilityStatement")
            .WithSummary("The FHIR CapabilityStatement")
            .WithDescription("What the facade supports: FHIR R4 (4.0.1), JSON, read and search of HealthcareService, ServiceRequest and Task, with their UK Core profiles and search parameters. Open to anyone.")
            .AllowAnonymous();

        fhir.MapGet("/HealthcareService", SearchHealthcareServices)
            .WithName("FhirSearchHealthcareServices")
            .WithSummary("Search the directory as UK Core HealthcareService resources")
            .WithDescription("Active services, by name and by district, as a searchset Bundle. Open to anyone, as the directory is.")
            .AllowAnonymous();

        fhir.MapGet("/HealthcareService/{id}", ReadHealthcareService)
            .WithName("FhirReadHealthcareService")
            .WithSummary("Read one service as a UK Core HealthcareService")
            .WithDescription("The id is the service's id in /v1/services. A retired service is active: false. Open to anyone.")
            .AllowAnonymous();

        var practice = fhir.MapGroup(string.Empty).RequireAuthorization(Policies.Practice);

        practice.MapGet("/ServiceRequest", SearchServiceRequests)
            .WithName("FhirSearchServiceRequests")
            .WithSummary("Search the practice's referrals as UK Core ServiceRequest resources")
            .WithDescription("By the patient's NHS number and by FHIR status, as a searchset Bundle. Only the key's own practice's referrals.");

        practice.MapGet("/ServiceRequest/{id}", ReadServiceRequest)
            .WithName("FhirReadServiceRequest")
            .WithSummary("Read one referral as a UK Core ServiceRequest")
            .WithDescription("The id is the referral's id in /v1/referrals. Another practice's referral is 404. Free text and names appear only when the referral's recordSharing is full-summary.");

        practice.MapGet("/Task", SearchTasks)
            .WithName("FhirSearchTasks")
            .WithSummary("Search the lifecycle of the practice's referrals as UK Core Task resources")
            .WithDescription("By focus (the ServiceRequest), the patient's NHS number and FHIR task status, as a searchset Bundle. Only the key's own practice's referrals.");

        practice.MapGet("/Task/{id}", ReadTask)
            .WithName("FhirReadTask")
            .WithSummary("Read the lifecycle of one referral as a UK Core Task")
            .WithDescription("The id is the referral's id; the Task's focus is its ServiceRequest, its status is mapped from ours and its businessStatus is our status code. Another practice's referral is 404.");

        // Anything else under /fhir (an unknown resource type, an interaction not offered) is
        // answered in FHIR's terms too, not by the framework's problem+json 404 or 405.
        fhir.Map("/{**rest}", Unsupported).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    public static IResult Metadata(HttpRequest request) =>
        Checked(request, FhirSearchParameters.Read) ?? FhirJson.Result(Capability.Statement());

    public static async Task<IResult> ReadHealthcareService(string id, HttpRequest request, IServiceRepository services, CancellationToken cancellationToken)
    {
        if (Checked(request, FhirSearchParameters.Read) is { } refused)
        {
            return refused;
        }

        var service = Guid.TryParseExact(id, "D", out var guid) ? await services.GetAsync(guid, cancellationToken) : null;
        return service is null
            ? FhirOutcomes.NotFound(nameof(ResourceType.HealthcareService), Safe(id))
            : FhirJson.Result(HealthcareServiceResource.From(service));
    }

    public static async Task<IResult> SearchHealthcareServices(HttpRequest request, DirectorySearch search, IServiceRepository services, PostcodeDistricts districts, CancellationToken cancellationToken)
    {
        var query = FhirQuery.Read(request.Query, FhirSearchParameters.HealthcareService);
        var (count, page) = (query.Count(), query.Page());
        var district = query.District(districts, out var centre);
        if (Refused(query) is { } refused)
        {
            return refused;
        }

        // The directory's own search finds and orders them; each resource is built from the stored service.
        var (found, _) = search.Search(
            new DirectoryQuery { Text = query.Text(FhirSearchParameters.Name.Name), Near = district is null ? null : centre, Page = page, PageSize = count });
        var resources = new List<Resource>(found.Items.Count);
        foreach (var (item, _) in found.Items)
        {
            if (await services.GetAsync(item.Id, cancellationToken) is { } service)
            {
                resources.Add(HealthcareServiceResource.From(service));
            }
        }

        return FhirJson.Result(SearchSets.Of(request, resources, found.Total, page, count));
    }

    public static async Task<IResult> ReadServiceRequest(string id, HttpRequest request, ClaimsPrincipal user, SharedReferrals referrals, CancellationToken cancellationToken) =>
        await ReadReferral(id, request, user, referrals, nameof(ResourceType.ServiceRequest), ReferralResources.ServiceRequest, cancellationToken);

    public static async Task<IResult> ReadTask(string id, HttpRequest request, ClaimsPrincipal user, SharedReferrals referrals, CancellationToken cancellationToken) =>
        await ReadReferral(id, request, user, referrals, nameof(ResourceType.Task), ReferralResources.Task, cancellationToken);

    public static async Task<IResult> SearchServiceRequests(HttpRequest request, ClaimsPrincipal user, SharedReferrals referrals, CancellationToken cancellationToken)
    {
        var query = FhirQuery.Read(request.Query, FhirSearchParameters.ServiceRequest);
        var (count, page, nhsNumber) = (query.Count(), query.Page(), query.NhsNumber());
        var statuses = query.Codes<RequestStatus>(FhirSearchParameters.ServiceRequestStatus.Name);
        if (Refused(query) is { } refused)
        {
            return refused;
        }

        var filter = new ReferralQuery(null, null, null, page, count)
        {
            NhsNumber = nhsNumber,
            Statuses = statuses?.SelectMany(FhirStatusMap.StatusesOf).Distinct().ToList(),
        };
        return await Search(request, user, referrals, filter, ReferralResources.ServiceRequest, cancellationToken);
    }

    public static async Task<IResult> SearchTasks(HttpRequest request, ClaimsPrincipal user, SharedReferrals referrals, CancellationToken cancellationToken)
    {
        var query = FhirQuery.Read(request.Query, FhirSearchParameters.Task);
        var (count, page, nhsNumber, focus) = (query.Count(), query.Page(), query.NhsNumber(), query.Focus());
        var statuses = query.Codes<FhirTask.TaskStatus>(FhirSearchParameters.TaskStatus.Name);
        if (Refused(query) is { } refused)
        {
            return refused;
        }

        var filter = new ReferralQuery(null, null, null, page, count)
        {
            Id = focus,
            NhsNumber = nhsNumber,
            Statuses = statuses?.SelectMany(FhirStatusMap.StatusesOf).Distinct().ToList(),
        };
        return await Search(request, user, referrals, filter, ReferralResources.Task, cancellationToken);
    }

    public static IResult Unsupported(HttpRequest request, string? rest)
    {
        // [type] or [type]/[id] of a type we serve, by another method: the interaction is what is missing.
        var segments = (rest ?? string.Empty).Split('/');
        var served = Capability.Statement().Rest[0].Resource.Select(r => r.Type).ToHashSet(StringComparer.Ordinal);
        request.HttpContext.Response.Headers.Allow = HttpMethods.Get;
        return segments.Length <= 2 && served.Contains(segments[0]) && !HttpMethods.IsGet(request.Method)
            ? FhirOutcomes.Error(StatusCodes.Status405MethodNotAllowed, $"This facade is read-only: it offers read (GET [type]/[id]) and search (GET [type]) of {segments[0]}, nothing else.")
            : FhirOutcomes.Error(StatusCodes.Status404NotFound, "Not a resource type or interaction this facade offers: see GET /fhir/metadata (HealthcareService, ServiceRequest and Task, read and search).", Hl7.Fhir.Model.OperationOutcome.IssueType.NotSupported);
    }

    private static async Task<IResult> ReadReferral(
        string id, HttpRequest request, ClaimsPrincipal user, SharedReferrals referrals, string type, Func<SharedReferral, Resource> build, CancellationToken cancellationToken)
    {
        if (Checked(request, FhirSearchParameters.Read) is { } refused)
        {
            return refused;
        }

        // Another practice's referral and a missing one read the same.
        var referral = Guid.TryParseExact(id, "D", out var guid) ? await referrals.GetAsync(user.OdsCode(), guid, cancellationToken) : null;
        return referral is null ? FhirOutcomes.NotFound(type, Safe(id)) : FhirJson.Result(build(referral));
    }

    private static async Task<IResult> Search(
        HttpRequest request, ClaimsPrincipal user, SharedReferrals referrals, ReferralQuery filter, Func<SharedReferral, Resource> build, CancellationToken cancellationToken)
    {
        var found = await referrals.ListAsync(user.OdsCode(), filter, cancellationToken);
        return FhirJson.Result(SearchSets.Of(request, found.Items.Select(build).ToList(), found.Total, filter.Page, filter.PageSize));
    }

    /// <summary>The refusal of a request whose query a read does not take, or null.</summary>
    private static IResult? Checked(HttpRequest request, IReadOnlyList<FhirSearchParameter> parameters) =>
        Refused(FhirQuery.Read(request.Query, parameters));

    private static IResult? Refused(FhirQuery query)
    {
        if (query.NotAcceptable)
        {
            return FhirOutcomes.Error(StatusCodes.Status406NotAcceptable, "Only JSON is served: leave _format out, or send json, application/json or application/fhir+json.");
        }

        return query.IsValid ? null : FhirOutcomes.Invalid(string.Join(" ", query.Errors));
    }

    // An id is echoed only when it is one we could have issued; anything else may be anything.
    private static string Safe(string id) => Guid.TryParseExact(id, "D", out var guid) ? guid.ToString() : "(that id)";
}

/// <summary>Search results as a FHIR searchset Bundle, with self and next links.</summary>
public static class SearchSets
{
    public static Bundle Of(HttpRequest request, IReadOnlyList<Resource> resources, int total, int page, int count)
    {
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{FhirApi.Root}";
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = total,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = request.GetEncodedUrl() }],
            Entry = resources.Select(r => new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{r.TypeName}/{r.Id}",
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            }).ToList(),
        };

        if ((long)page * count < total && page < Paging.MaxPage)
        {
            var next = QueryString.Create(request.Query
                .Where(q => q.Key != FhirSearchParameters.Page.Name)
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new(FhirSearchParameters.Page.Name, (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{next}" });
        }

        return bundle;
    }
}
