using Dapper;
using Referral.Data.Sqlite;
using Referral.Domain.Directory;

namespace Referral.Data.Directory;

public sealed class SqliteServiceRepository(SqliteConnectionFactory connections) : IServiceRepository
{
    private const string Columns = ServiceRow.Columns;

    public async Task<Service?> CreateWithIdAsync(Guid id, ServiceInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (input, var venueDistrict) = ServiceRow.WithVenue(input);
        var parameters = Parameters(id, input, venueDistrict, now);
        var inserted = await connections.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO services (id, version, status, name, venue_district, national, area_radius_km, document, created_at, updated_at)
            VALUES (@Id, 1, @Status, @Name, @VenueDistrict, @National, @AreaRadiusKm, @Document, @Now, @Now)
            ON CONFLICT (id) DO NOTHING
            """,
            parameters,
            cancellationToken: cancellationToken)), cancellationToken);
        return inserted == 0 ? null : new Service(input, id, 1, venueDistrict, now, now);
    }

    public async Task<Service?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ServiceReads.GetAsync(connection, id, cancellationToken);
    }

    public async Task<ReplaceOutcome<Service>> ReplaceAsync(Guid id, ServiceInput input, int? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (input, var venueDistrict) = ServiceRow.WithVenue(input);
        return await connections.WriteAsync<ReplaceOutcome<Service>>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var current = await connection.QuerySingleOrDefaultAsync<ServiceRow>(new CommandDefinition(
                "SELECT version AS Version, created_at AS CreatedAt FROM services WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
            if (ReplaceOutcome.Refusal<Service>(current?.Version, expectedVersion) is { } refusal)
            {
                return refusal;
            }

            // The read above and this write share one IMMEDIATE transaction, which holds the write lock
            // from its start: no other writer can change the version in between.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE services
                   SET version = version + 1, status = @Status, name = @Name, venue_district = @VenueDistrict,
                       national = @National, area_radius_km = @AreaRadiusKm, document = @Document, updated_at = @Now
                 WHERE id = @Id
                """,
                Parameters(id, input, venueDistrict, now),
                transaction,
                cancellationToken: cancellationToken));

            await transaction.CommitAsync(cancellationToken);
            return new ReplaceOutcome<Service>.Replaced(new Service(input, id, current!.Version + 1, venueDistrict, current.CreatedAt, now));
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

    public async IAsyncEnumerable<Service> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await foreach (var service in ServiceReads.AllAsync(connection, cancellationToken))
        {
            yield return service;
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ServiceReads.CountAsync(connection, cancellationToken);
    }

    private static DynamicParameters Parameters(Guid id, ServiceInput input, string? venueDistrict, DateTimeOffset now)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Id", id);
        parameters.Add("Status", input.Status);
        parameters.Add("Name", input.Name);
        parameters.Add("VenueDistrict", venueDistrict);
        parameters.Add("National", input.ServiceArea.National ? 1 : 0);
        parameters.Add("AreaRadiusKm", input.ServiceArea.RadiusKm);
        parameters.Add("Document", ServiceRow.DocumentOf(input));
        parameters.Add("Now", now);
        return parameters;
    }
}
