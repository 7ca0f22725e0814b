using System.Buffers;
using System.Text.Json;
using Referral.Api.Search;

namespace Referral.Api.Features.Services;

/// <summary>
/// A page of the directory written around the services' JSON as the index holds it, so a search
/// serialises only the envelope, straight into the response. It writes what the serializer would
/// write for a <see cref="ServicePage"/> (a test compares the two over random pages).
/// </summary>
public static class ServicePageJson
{
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText Service = JsonEncodedText.Encode("service");
    private static readonly JsonEncodedText DistanceKm = JsonEncodedText.Encode("distanceKm");
    private static readonly JsonEncodedText Page = JsonEncodedText.Encode("page");
    private static readonly JsonEncodedText PageSize = JsonEncodedText.Encode("pageSize");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");

    public static void Write(IBufferWriter<byte> output, DirectoryPage page, int pageNumber, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteStartArray(Items);
        foreach (var (service, distance) in page.Items)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(Service);
            writer.WriteRawValue(service.Json.Span, skipInputValidation: true);
            if (distance is { } km)
            {
                writer.WriteNumber(DistanceKm, km);
            }
            else
            {
                writer.WriteNull(DistanceKm);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber(Page, pageNumber);
        writer.WriteNumber(PageSize, pageSize);
        writer.WriteNumber(Total, page.Total);
        writer.WriteEndObject();
    }
}

/// <summary>A 200 with a page of the directory, written as it goes out; its schema is <see cref="ServicePage"/>.</summary>
public sealed class ServicePageResult(DirectoryPage page, int pageNumber, int pageSize)
    : IResult, Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => Http.RenderedJson<ServicePage>.JsonContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        // Into the response's own pooled buffers: a page of 100 services (about 120 KB) never
        // becomes one large array per request.
        ServicePageJson.Write(response.BodyWriter, page, pageNumber, pageSize);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        Http.RenderedJson<ServicePage>.PopulateMetadata(method, builder);
}
