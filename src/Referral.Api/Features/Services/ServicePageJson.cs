using System.Text.Json;
using Referral.Api.Search;

namespace Referral.Api.Features.Services;

/// <summary>
/// A page of the directory written around the services' JSON as the index holds it, so a search
/// serialises only the envelope. It writes what the serializer would write for a
/// <see cref="ServicePage"/> (a test compares the two over random pages).
/// </summary>
public static class ServicePageJson
{
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText Service = JsonEncodedText.Encode("service");
    private static readonly JsonEncodedText DistanceKm = JsonEncodedText.Encode("distanceKm");
    private static readonly JsonEncodedText Page = JsonEncodedText.Encode("page");
    private static readonly JsonEncodedText PageSize = JsonEncodedText.Encode("pageSize");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");

    public static byte[] Write(DirectoryPage page, int pageNumber, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(page);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + page.Items.Sum(i => i.Service.Json.Length + 40));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
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

        return buffer.WrittenSpan.ToArray();
    }
}
