using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Referral.Api.Features.Services;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Search;
using Referral.Api.Validation;
using Referral.Data.Directory;
using Referral.Domain.Directory;
using Referral.Domain.Geography;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Referral.Api.Features.Oruk;

/// <summary>
/// The directory as an Open Referral UK 3.0 feed: the three endpoints the ORUK validator
/// requires (/, /services, /services/{id}) and the optional ones, open to anyone, read from the
/// directory's search index and stored services. Every answer carries Access-Control-Allow-Origin: *
/// (<see cref="OrukCors"/>), leaves out members without a value, and revalidates like /v1/services.
/// </summary>
public static class OrukApi
{
    public const string Root = "/oruk";

    private const string Tag = "Open Referral UK";

    public static IEndpointRouteBuilder MapOrukApi(this IEndpointRouteBuilder app)
    {
        var oruk = app.MapGroup(Root).WithTags(Tag).WithValidation().AllowAnonymous();

        oruk.MapGet("/", Details)
            .WithName("OrukApiDetails")
            .WithSummary("What this ORUK feed is")
            .WithDescription("version HSDS-UK-3.0, the profile, and the OpenAPI file the feed follows (configuration Oruk:OpenApiUrl; by default the official ORUK 3.0 specification). Open to anyone.");

        oruk.MapGet("/services", ListServices)
            .WithName("OrukListServices")
            .WithSummary("The directory's services as an ORUK page")
            .WithDescription("Every service, each with its ORUK status (active, temporarily closed, defunct), in the order of /v1/services: with postcode, nearest first; with search, most relevant first; otherwise by name. minimal gives each as its id, name, status and last_modified; full nests each fully. Open to anyone; revalidate with If-None-Match.");

        oruk.MapGet("/services/{id:guid}", GetService)
            .WithName("OrukGetService")
            .WithSummary("One service, fully nested")
            .WithDescription("The organization, service_at_locations with the venue (its postcode; latitude and longitude are the postcode district's centre), accessibility, schedules, languages, cost_options, contacts with phones, service_areas, and attributes linking the service to its taxonomy terms. Open to anyone.")
            .ProducesProblemJson(StatusCodes.Status404NotFound);

        oruk.MapGet("/taxonomies", ListTaxonomies)
            .WithName("OrukListTaxonomies")
            .WithSummary("The directory's vocabularies as ORUK taxonomies")
            .WithDescription("Each vocabulary a service is coded with is a taxonomy with an id that never changes.");

        oruk.MapGet("/taxonomies/{id:guid}", GetTaxonomy)
            .WithName("OrukGetTaxonomy")
            .WithSummary("One taxonomy with its terms")
            .WithDescription("The taxonomy and every term of it. Open to anyone.")
            .ProducesProblemJson(StatusCodes.Status404NotFound);

        oruk.MapGet("/taxonomy_terms", ListTaxonomyTerms)
            .WithName("OrukListTaxonomyTerms")
            .WithSummary("Every taxonomy term")
            .WithDescription("Each term's term is our code, and its id never changes while the code does not.");

        oruk.MapGet("/taxonomy_terms/{id:guid}", GetTaxonomyTerm)
            .WithName("OrukGetTaxonomyTerm")
            .WithSummary("One taxonomy term")
            .WithDescription("Its term is our code; taxonomy_id names its vocabulary. Open to anyone.")
            .ProducesProblemJson(StatusCodes.Status404NotFound);

        oruk.MapGet("/organizations", ListOrganizations)
            .WithName("OrukListOrganizations")
            .WithSummary("The organisations that run the directory's services")
            .WithDescription("An organisation is known by its name; its id is derived from it and never changes while the name does not.");

        oruk.MapGet("/organizations/{id:guid}", GetOrganization)
            .WithName("OrukGetOrganization")
            .WithSummary("One organisation with its services")
            .WithDescription("The organisation, and its services (up to 1000) as /oruk/services lists them. Open to anyone.")
            .ProducesProblemJson(StatusCodes.Status404NotFound);

        oruk.MapGet("/service_at_locations", ListServiceAtLocations)
            .WithName("OrukListServiceAtLocations")
            .WithSummary("Services at their venues")
            .WithDescription("One for each service with a venue, by the service's name; online-only services have none.");

        oruk.MapGet("/service_at_locations/{id:guid}", GetServiceAtLocation)
            .WithName("OrukGetServiceAtLocation")
            .WithSummary("One service at its venue")
            .WithDescription("The venue with its address (the postcode) and accessibility, and the service as /oruk/services lists it. Open to anyone.")
            .ProducesProblemJson(StatusCodes.Status404NotFound);

        return app;
    }

    public static Results<RenderedJson<OrukApiDetails>, NotModified> Details(
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, IOptions<OrukOptions> options, DirectorySearch search, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Revalidated(http, ifNoneMatch, TagOf(search.Revision with { Generation = 0 }, http.Request)))
        {
            return NotModified.Instance;
        }

        return OrukJson.Result(new OrukApiDetails(OrukOptions.Version, options.Value.Profile, options.Value.OpenApiUrl));
    }

    public static Results<RenderedJson<OrukPage<OrukService>>, NotModified> ListServices(
        [AsParameters] OrukServiceListRequest request,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        DirectorySearch search,
        PostcodeDistricts districts,
        IOptions<JsonOptions> json,
        HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(json);
        GeoPoint? near = districts.TryLocate(request.Postcode, out _, out var point) ? point : null;
        var query = new DirectoryQuery
        {
            Text = request.Search,
            Status = null,
            Near = near,
            RadiusKm = (request.Proximity ?? OrukServiceListRequest.DefaultProximityMetres) / 1000,
            Page = request.Page ?? 1,
            PageSize = request.PerPage ?? Paging.DefaultPageSize,
            Organisation = request.OrganizationId?.ToString(),
            ModifiedAfter = request.ModifiedAfter,
            HasAny = request.TaxonomyId is { } taxonomy ? OrukFilters.KindOfTaxonomy(taxonomy) : null,
        };
        if (request.TaxonomyTermId is { } term)
        {
            query = OrukFilters.WithTerm(query, term);
        }

        var shape = request.Minimal == true ? "oruk-minimal" : request.Full == true ? "oruk-full" : "oruk";
        if (ConditionalGet.NoneMatchFails(ifNoneMatch, ListingETag.For(search.Revision, query, shape)))
        {
            ConditionalGet.MarkPublic(http.Response, ListingETag.For(search.Revision, query, shape));
            return NotModified.Instance;
        }

        var (page, revision) = search.Search(query);
        ConditionalGet.MarkPublic(http.Response, ListingETag.For(revision, query, shape));
        var items = new List<OrukService>(page.Items.Count);
        foreach (var (indexed, _) in page.Items)
        {
            var service = FromIndex(indexed, json.Value.SerializerOptions);
            items.Add(request.Minimal == true
                ? new OrukService { Id = service.Id.ToString(), Name = service.Name, Status = OrukMapping.StatusOf(service.Status), LastModified = service.UpdatedAt }
                : request.Full == true ? OrukMapping.Full(service, districts) : OrukMapping.Summary(service));
        }

        return OrukJson.Result(OrukPages.Of(items, page.Total, query.Page, query.PageSize));
    }

    public static async Task<Results<RenderedJson<OrukService>, NotModified, ProblemHttpResult>> GetService(
        Guid id,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        IServiceRepository services,
        DirectorySearch search,
        PostcodeDistricts districts,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var service = await services.GetAsync(id, cancellationToken);
        if (service is null)
        {
            return Problem.NotFound("service");
        }

        // The service's version, within this process's series (a new build may shape it differently).
        var etag = $"W/\"{search.Revision.Instance}-{service.Version.ToString(CultureInfo.InvariantCulture)}\"";
        if (Revalidated(http, ifNoneMatch, etag))
        {
            return NotModified.Instance;
        }

        return OrukJson.Result(OrukMapping.Full(service, districts));
    }

    public static Results<RenderedJson<OrukPage<OrukTaxonomy>>, NotModified> ListTaxonomies(
        [AsParameters] OrukPageRequest request, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, DirectorySearch search, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Revalidated(http, ifNoneMatch, TagOf(search.Revision with { Generation = 0 }, http.Request)))
        {
            return NotModified.Instance;
        }

        return OrukJson.Result(request.Of(OrukTaxonomies.Published.Select(v => OrukMapping.Taxonomy(v, withTerms: false)).ToList()));
    }

    public static Results<RenderedJson<OrukTaxonomy>, NotModified, ProblemHttpResult> GetTaxonomy(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, DirectorySearch search, HttpContext http)
    {
        if (OrukTaxonomies.Taxonomy(id) is not { } vocabulary)
        {
            return Problem.NotFound("taxonomy");
        }

        return Revalidated(http, ifNoneMatch, TagOf(search.Revision with { Generation = 0 }, http.Request))
            ? NotModified.Instance
            : OrukJson.Result(OrukMapping.Taxonomy(vocabulary, withTerms: true));
    }

    public static Results<RenderedJson<OrukPage<OrukTaxonomyTerm>>, NotModified> ListTaxonomyTerms(
        [AsParameters] OrukPageRequest request, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, DirectorySearch search, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Revalidated(http, ifNoneMatch, TagOf(search.Revision with { Generation = 0 }, http.Request)))
        {
            return NotModified.Instance;
        }

        return OrukJson.Result(request.Of(OrukTaxonomies.AllTerms.Select(t => OrukMapping.Term(t.Vocabulary, t.Term)).ToList()));
    }

    public static Results<RenderedJson<OrukTaxonomyTerm>, NotModified, ProblemHttpResult> GetTaxonomyTerm(
        Guid id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, DirectorySearch search, HttpContext http)
    {
        if (OrukTaxonomies.Term(id) is not { } found)
        {
            return Problem.NotFound("taxonomy term");
        }

        return Revalidated(http, ifNoneMatch, TagOf(search.Revision with { Generation = 0 }, http.Request))
            ? NotModified.Instance
            : OrukJson.Result(OrukMapping.Term(found.Vocabulary, found.Term));
    }

    public static async Task<Results<RenderedJson<OrukPage<OrukOrganization>>, NotModified>> ListOrganizations(
        [AsParameters] OrukPageRequest request,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        OrukCatalogue catalogue,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalogue);
        var snapshot = await catalogue.CurrentAsync(cancellationToken);
        if (Revalidated(http, ifNoneMatch, TagOf(snapshot.Revision, http.Request)))
        {
            return NotModified.Instance;
        }

        return OrukJson.Result(request.Of(snapshot.Organisations.Select(o => OrukMapping.Organization(o)).ToList()));
    }

    public static async Task<Results<RenderedJson<OrukOrganization>, NotModified, ProblemHttpResult>> GetOrganization(
        Guid id,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        OrukCatalogue catalogue,
        DirectorySearch search,
        IOptions<JsonOptions> json,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(json);
        var snapshot = await catalogue.CurrentAsync(cancellationToken);
        if (!snapshot.OrganisationsById.TryGetValue(id, out var organisation))
        {
            return Problem.NotFound("organization");
        }

        if (Revalidated(http, ifNoneMatch, TagOf(snapshot.Revision, http.Request)))
        {
            return NotModified.Instance;
        }

        // Its services, in name order, as the listing summarises them; bounded, as one answer must be.
        var services = new List<OrukService>();
        for (var page = 1; services.Count < MaxServicesPerOrganization; page++)
        {
            var (found, _) = search.Search(new DirectoryQuery { Status = null, Organisation = id.ToString(), Page = page, PageSize = Paging.MaxPageSize });
            services.AddRange(found.Items.Select(i => OrukMapping.Summary(FromIndex(i.Service, json.Value.SerializerOptions))));
            if (found.Items.Count < Paging.MaxPageSize)
            {
                break;
            }
        }

        return OrukJson.Result(OrukMapping.Organization(organisation) with { Services = services.Count == 0 ? null : services });
    }

    public static async Task<Results<RenderedJson<OrukPage<OrukServiceAtLocation>>, NotModified>> ListServiceAtLocations(
        [AsParameters] OrukPageRequest request,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        OrukCatalogue catalogue,
        IServiceRepository services,
        PostcodeDistricts districts,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalogue);
        var snapshot = await catalogue.CurrentAsync(cancellationToken);
        if (Revalidated(http, ifNoneMatch, TagOf(snapshot.Revision, http.Request)))
        {
            return NotModified.Instance;
        }

        var items = new List<OrukServiceAtLocation>();
        foreach (var serviceId in snapshot.Venues.Skip((request.PageNumber - 1) * request.Size).Take(request.Size))
        {
            if (await services.GetAsync(serviceId, cancellationToken) is { } service)
            {
                items.Add(OrukMapping.ServiceAtLocation(service, districts, withService: true));
            }
        }

        return OrukJson.Result(OrukPages.Of(items, snapshot.Venues.Count, request.PageNumber, request.Size));
    }

    public static async Task<Results<RenderedJson<OrukServiceAtLocation>, NotModified, ProblemHttpResult>> GetServiceAtLocation(
        Guid id,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        OrukCatalogue catalogue,
        IServiceRepository services,
        PostcodeDistricts districts,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var snapshot = await catalogue.CurrentAsync(cancellationToken);
        if (!snapshot.ServiceOfServiceAtLocation.TryGetValue(id, out var serviceId)
            || await services.GetAsync(serviceId, cancellationToken) is not { VenuePostcode: not null } service)
        {
            return Problem.NotFound("service_at_location");
        }

        return Revalidated(http, ifNoneMatch, TagOf(snapshot.Revision, http.Request))
            ? NotModified.Instance
            : OrukJson.Result(OrukMapping.ServiceAtLocation(service, districts, withService: true));
    }

    /// <summary>An organisation's services in one answer, at most.</summary>
    public const int MaxServicesPerOrganization = 1000;

    /// <summary>A listed service from what the search index holds of it: its /v1 JSON, read back, so a page reads no storage.</summary>
    private static Service FromIndex(IndexedService indexed, JsonSerializerOptions json)
    {
        var body = JsonSerializer.Deserialize<ServiceBody>(indexed.Json.Span, json)!;
        return new Service(body.ToDomain(), indexed.Id, indexed.Version, body.VenueDistrict, body.CreatedAt ?? default, body.UpdatedAt ?? default);
    }

    private static bool Revalidated(HttpContext http, string? ifNoneMatch, string etag)
    {
        ConditionalGet.MarkPublic(http.Response, etag);
        return ConditionalGet.NoneMatchFails(ifNoneMatch, etag);
    }

    /// <summary>The validator of an answer derived from the directory's state (or, with generation 0, from the build alone) and the request.</summary>
    private static string TagOf(DirectoryRevision revision, HttpRequest request)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{revision.Instance}/{revision.Generation}/{request.Path}{request.QueryString}");
        return $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16))}\"";
    }
}
