using Dapper;
using Referral.Data.Sqlite;
using Referral.Domain.Geography;

namespace Referral.Data.Directory;

/// <summary>
/// Keeps each service's venue_lat/venue_lon equal to its district's centroid in this build's
/// reference data. The centroids are not in SQL, so migration 0006 cannot fill them for rows
/// stored before it, and a new release may move a centroid: run at start-up, it sets the
/// columns of every row that differs (none, normally) in one transaction.
/// </summary>
public sealed class SqliteVenueLocator(SqliteConnectionFactory connections, PostcodeDistricts districts)
{
    /// <returns>How many services were located afresh.</returns>
    public async Task<int> LocateAsync(CancellationToken cancellationToken)
    {
        return await connections.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = await connection.QueryAsync<(string Id, string? District, double? Lat, double? Lon)>(new CommandDefinition(
                "SELECT id, venue_district, venue_lat, venue_lon FROM services", transaction: transaction, cancellationToken: cancellationToken));

            var changed = 0;
            foreach (var row in rows)
            {
                GeoPoint? centroid = districts.TryLocate(row.District, out _, out var point) ? point : null;
                if (centroid?.Latitude == row.Lat && centroid?.Longitude == row.Lon)
                {
                    continue;
                }

                changed += await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE services SET venue_lat = @lat, venue_lon = @lon WHERE id = @id",
                    new { lat = centroid?.Latitude, lon = centroid?.Longitude, id = row.Id },
                    transaction,
                    cancellationToken: cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
            return changed;
        }, cancellationToken);
    }
}
