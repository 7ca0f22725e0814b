using System.Text;
using Dapper;
using Referral.Data.Sqlite;
using Referral.Domain.Directory;
using Referral.Domain.Identifiers;
using Referral.Domain.Geography;

namespace Referral.Data.Directory;

public sealed class SqliteServiceRepository(SqliteConnectionFactory connections, PostcodeDistricts districts) : IServiceRepository
{
    private const string Columns = "id AS Id, version AS Version, status AS Status, venue_district AS VenueDistrict, document AS Document, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public async Task<Service> CreateAsync(ServiceInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        (input, var venueDistrict) = WithVenue(input);
        var parameters = Parameters(id, input, venueDistrict, now);
        await connections.WriteAsync(async connection =>
        {
            // The row and its codes together: a search never sees one without the other.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO services (id, version, status, name, search_text, venue_district, venue_lat, venue_lon, national, area_radius_km, document, created_at, updated_at)
                VALUES (@Id, 1, @Status, @Name, @SearchText, @VenueDistrict, @VenueLat, @VenueLon, @National, @AreaRadiusKm, @Document, @Now, @Now)
                """,
                parameters,
                transaction,
                cancellationToken: cancellationToken));
            await ServiceCodes.RefreshAsync(connection, transaction, id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        return new Service(input, id, 1, venueDistrict, now, now);
    }

    public async Task<Service?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ServiceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM services WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToService();
    }

    public async Task<ReplaceOutcome<Service>> ReplaceAsync(Guid id, ServiceInput input, int? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (input, var venueDistrict) = WithVenue(input);
        return await connections.WriteAsync<ReplaceOutcome<Service>>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var current = await connection.QuerySingleOrDefaultAsync<ServiceRow>(new CommandDefinition(
                "SELECT version AS Version, created_at AS CreatedAt FROM services WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
            if (current is null)
            {
                return new ReplaceOutcome<Service>.NotFound();
            }

            if (expectedVersion is { } expected && expected != current.Version)
            {
                return new ReplaceOutcome<Service>.VersionMismatch(current.Version);
            }

            // The read above and this write share one IMMEDIATE transaction, which holds the write lock
            // from its start: no other writer can change the version in between.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE services
                   SET version = version + 1, status = @Status, name = @Name, search_text = @SearchText,
                       venue_district = @VenueDistrict, venue_lat = @VenueLat, venue_lon = @VenueLon,
                       national = @National, area_radius_km = @AreaRadiusKm, document = @Document, updated_at = @Now
                 WHERE id = @Id
                """,
                Parameters(id, input, venueDistrict, now),
                transaction,
                cancellationToken: cancellationToken));
            await ServiceCodes.RefreshAsync(connection, transaction, id, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            return new ReplaceOutcome<Service>.Replaced(new Service(input, id, current.Version + 1, venueDistrict, current.CreatedAt, now));
        }, cancellationToken);
    }

    public async Task<Service?> RetireAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await connections.WriteAsync(connection => connection.QuerySingleOrDefaultAsync<ServiceRow>(new CommandDefinition(
            $"""
            UPDATE services
               SET status = 'closed', document = json_set(document, '$.{ServiceDocument.Members.Status}', 'closed'),
                   version = version + 1, updated_at = @now
             WHERE id = @id AND status <> 'closed'
            RETURNING {Columns}
            """,
            new { id, now },
            cancellationToken: cancellationToken)), cancellationToken);

        // Nothing updated: either no such service, or it was closed already, which a repeated
        // DELETE leaves as it is (not even its version changes).
        return row?.ToService() ?? await GetAsync(id, cancellationToken);
    }

    public async Task<Page<ServiceListing>> ListAsync(ServiceQuery query, CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(query);
        await using var connection = await connections.OpenAsync(cancellationToken);

        if (query.Near is { } near)
        {
            return await ListNearAsync(connection, where, parameters, near, query, cancellationToken);
        }

        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM services WHERE {where}", parameters, cancellationToken: cancellationToken));
        parameters.Add("Limit", query.PageSize);
        parameters.Add("Offset", (query.Page - 1) * query.PageSize);
        var rows = await connection.QueryAsync<ServiceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM services WHERE {where} ORDER BY name, id LIMIT @Limit OFFSET @Offset",
            parameters,
            cancellationToken: cancellationToken));
        return new Page<ServiceListing>(rows.Select(r => new ServiceListing(r.ToService(), null)).ToList(), query.Page, query.PageSize, total);
    }

    public async Task<IReadOnlyList<Service>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ServiceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM services ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToService()).ToList();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM services", cancellationToken: cancellationToken));
    }

    public async Task<DirectoryStamp> StampAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (revision, since) = await connection.QuerySingleAsync<(long, string)>(new CommandDefinition(
            "SELECT revision, since FROM directory_revision WHERE id = 1", cancellationToken: cancellationToken));
        return new DirectoryStamp(revision, since);
    }

    // Distances are between district centroids. SQL keeps the services whose venue centroid lies
    // in the radius's bounding box (indexed columns); the exact distance, cut and ordering are
    // computed here for those only, from the same centroids as before, and only the page's
    // documents are read.
    private async Task<Page<ServiceListing>> ListNearAsync(
        System.Data.Common.DbConnection connection, string where, DynamicParameters parameters, GeoPoint near, ServiceQuery query, CancellationToken cancellationToken)
    {
        var box = GeoBox.Around(near, query.RadiusKm);
        parameters.Add("MinLat", box.MinLatitude);
        parameters.Add("MaxLat", box.MaxLatitude);
        parameters.Add("MinLon", box.MinLongitude);
        parameters.Add("MaxLon", box.MaxLongitude);
        var venues = await connection.QueryAsync<(string Id, string Name, string District)>(new CommandDefinition(
            $"""
            SELECT id, name, venue_district FROM services
             WHERE {where} AND venue_district IS NOT NULL
               AND venue_lat BETWEEN @MinLat AND @MaxLat AND venue_lon BETWEEN @MinLon AND @MaxLon
            """,
            parameters,
            cancellationToken: cancellationToken));

        var inRange = venues
            .Select(v => (v.Id, v.Name, Distance: districts.TryLocate(v.District, out _, out var point) ? near.DistanceKmTo(point) : double.PositiveInfinity))
            .Where(v => v.Distance <= query.RadiusKm)
            .OrderBy(v => v.Distance).ThenBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList();

        var page = inRange.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        var rows = (await connection.QueryAsync<ServiceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM services WHERE id IN @Ids",
            new { Ids = page.Select(p => p.Id).ToArray() },
            cancellationToken: cancellationToken))).ToDictionary(r => r.Id);

        var items = page.Select(p => new ServiceListing(rows[Guid.Parse(p.Id)].ToService(), Math.Round(p.Distance, 1))).ToList();
        return new Page<ServiceListing>(items, query.Page, query.PageSize, inRange.Count);
    }

    private static (string Where, DynamicParameters Parameters) Filter(ServiceQuery query)
    {
        var where = new StringBuilder("status = @Status");
        var parameters = new DynamicParameters();
        parameters.Add("Status", query.Status);

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            where.Append(@" AND search_text LIKE @Text ESCAPE '\'");
            parameters.Add("Text", "%" + EscapeLike(query.Text.Trim().ToLowerInvariant()) + "%");
        }

        AddListFilter(where, parameters, ServiceCodes.Condition, query.Condition);
        AddListFilter(where, parameters, ServiceCodes.Community, query.Community);
        AddListFilter(where, parameters, ServiceCodes.Format, query.Format);
        AddListFilter(where, parameters, ServiceCodes.Language, query.Language);
        return (where.ToString(), parameters);
    }

    private static void AddListFilter(StringBuilder where, DynamicParameters parameters, string kind, string? code)
    {
        if (code is null)
        {
            return;
        }

        // An index seek on (kind, code): no stored document is parsed. The kind is one of
        // ServiceCodes' constants, never user input; the code is a parameter.
        where.Append($" AND id IN (SELECT service_id FROM service_codes WHERE kind = '{kind}' AND code = @{kind}Code)");
        parameters.Add(kind + "Code", code);
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private DynamicParameters Parameters(Guid id, ServiceInput input, string? venueDistrict, DateTimeOffset now)
    {
        var parameters = new DynamicParameters();
        // The centroid the distance search will use, kept for its bounding-box prefilter.
        GeoPoint? centroid = districts.TryLocate(venueDistrict, out _, out var point) ? point : null;
        parameters.Add("VenueLat", centroid?.Latitude);
        parameters.Add("VenueLon", centroid?.Longitude);
        parameters.Add("Id", id);
        parameters.Add("Status", input.Status);
        parameters.Add("Name", input.Name);
        parameters.Add("SearchText", $"{input.Name}\n{input.Description}\n{input.Organisation.Name}".ToLowerInvariant());
        parameters.Add("VenueDistrict", venueDistrict);
        parameters.Add("National", input.ServiceArea.National ? 1 : 0);
        parameters.Add("AreaRadiusKm", input.ServiceArea.RadiusKm);
        // The directory's own fields (id, version, venue district, times) are columns, never in the document.
        parameters.Add("Document", DocumentJson.Write(ServiceDocumentMapper.ToDocument(input)));
        parameters.Add("Now", now);
        return parameters;
    }

    // The venue postcode is kept in its standard form ("LS1 4AP"), and its district in a column
    // of its own, which distance search and the matching directory locate.
    private static (ServiceInput Input, string? VenueDistrict) WithVenue(ServiceInput input) =>
        (input with { VenuePostcode = Postcode.NormaliseFull(input.VenuePostcode) }, Postcode.DistrictOf(input.VenuePostcode));

    private sealed class ServiceRow
    {
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
    }
}
