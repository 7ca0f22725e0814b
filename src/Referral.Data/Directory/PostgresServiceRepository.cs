using Dapper;
using Referral.Data.Postgres;
using Referral.Domain.Directory;

namespace Referral.Data.Directory;

/// <summary>
/// The directory on PostgreSQL. Services are not practice-scoped, so no practice is named; every
/// write fires the NOTIFY that tells the other instances (db/postgresql/0004).
/// </summary>
public sealed class PostgresServiceRepository(PostgresConnectionFactory connections) : IServiceRepository
{
    private const string Columns = ServiceRow.Columns;

    public async Task<Service?> CreateWithIdAsync(Guid id, ServiceInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = PostgresTime.Stored(now);
        (input, var venueDistrict) = ServiceRow.WithVenue(input);
        var inserted = await connections.WriteCommittedAsync(PracticeScope.None, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO services (id, version, status, name, venue_district, national, area_radius_km, document, created_at, updated_at)
            VALUES (@Id, 1, @Status, @Name, @VenueDistrict, @National, @AreaRadiusKm, @Document::jsonb, @Now, @Now)
            ON CONFLICT (id) DO NOTHING
            """,
            Parameters(id, input, venueDistrict, now),
            transaction,
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
        now = PostgresTime.Stored(now);
        (input, var venueDistrict) = ServiceRow.WithVenue(input);
        return await connections.WriteAsync<ReplaceOutcome<Service>>(PracticeScope.None, async (connection, transaction) =>
        {
            // FOR UPDATE: a replace through another instance waits here, then reads the version it left.
            var current = await connection.QuerySingleOrDefaultAsync<ServiceRow>(new CommandDefinition(
                "SELECT version AS Version, created_at AS CreatedAt FROM services WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));
            if (ReplaceOutcome.Refusal<Service>(current?.Version, expectedVersion) is { } refusal)
            {
                return refusal;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE services
                   SET version = version + 1, status = @Status, name = @Name, venue_district = @VenueDistrict,
                       national = @National, area_radius_km = @AreaRadiusKm, document = @Document::jsonb, updated_at = @Now
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
        now = PostgresTime.Stored(now);
        var row = await connections.WriteCommittedAsync(PracticeScope.None, (connection, transaction) => connection.QuerySingleOrDefaultAsync<ServiceRow>(new CommandDefinition(
            $$"""
            UPDATE services
               SET status = 'closed', document = jsonb_set(document, '{{{ServiceDocument.Members.Status}}}', '"closed"'),
                   version = version + 1, updated_at = @now
             WHERE id = @id AND status <> 'closed'
            RETURNING {{Columns}}
            """,
            new { id, now },
            transaction,
            cancellationToken: cancellationToken)), cancellationToken);

        // Nothing updated: either no such service, or it was closed already (left as it is).
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

    private static object Parameters(Guid id, ServiceInput input, string? venueDistrict, DateTimeOffset now) => new
    {
        Id = id,
        input.Status,
        input.Name,
        VenueDistrict = venueDistrict,
        input.ServiceArea.National,
        AreaRadiusKm = input.ServiceArea.RadiusKm,
        Document = ServiceRow.DocumentOf(input),
        Now = now,
    };
}
