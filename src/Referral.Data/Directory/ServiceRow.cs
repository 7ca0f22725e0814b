using Referral.Domain.Directory;
using Referral.Domain.Identifiers;

namespace Referral.Data.Directory;

/// <summary>A services row as every provider reads it, and what a write derives from the input.</summary>
internal sealed class ServiceRow
{
    public const string Columns = "id AS Id, version AS Version, status AS Status, venue_district AS VenueDistrict, document AS Document, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public Guid Id { get; init; }
    public int Version { get; init; }
    public string Status { get; init; } = string.Empty;
    public string? VenueDistrict { get; init; }
    public string Document { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public Service ToService()
    {
        var input = ServiceDocumentMapper.ToDomain(DocumentJson.Read<ServiceDocument>(Document, $"Service {Id}"));
        return new Service(input, Id, Version, VenueDistrict, CreatedAt, UpdatedAt);
    }

    /// <summary>The directory's own fields (id, version, venue district, times) are columns, never in the document.</summary>
    public static string DocumentOf(ServiceInput input) => DocumentJson.Write(ServiceDocumentMapper.ToDocument(input));

    // The venue postcode is kept in its standard form ("LS1 4AP"), and its district in a column
    // of its own, which distance search and the matching directory locate.
    public static (ServiceInput Input, string? VenueDistrict) WithVenue(ServiceInput input) =>
        (input with { VenuePostcode = Postcode.NormaliseFull(input.VenuePostcode) }, Postcode.DistrictOf(input.VenuePostcode));
}
