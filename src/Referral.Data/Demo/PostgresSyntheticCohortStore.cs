using Dapper;
using Referral.Data.Postgres;

namespace Referral.Data.Demo;

/// <summary>The demo cohort on PostgreSQL: its referrals span every demo practice, so it writes across practices.</summary>
public sealed class PostgresSyntheticCohortStore(PostgresConnectionFactory connections) : ISyntheticCohortStore
{
    public async Task<IReadOnlyList<(Guid Id, string? Format)>> ActiveServicesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid, string?)>(new CommandDefinition(
            "SELECT id, document->'formats'->>0 FROM services WHERE status = 'active' ORDER BY document->>'name' COLLATE \"C\", id", cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public Task WriteAsync(IReadOnlyList<SyntheticReferral> referrals, CancellationToken cancellationToken) =>
        connections.WriteCommittedAsync(PracticeScope.Every, async (connection, transaction) =>
        {
            await SyntheticCohortRows.InsertAsync(connection, transaction, referrals, cancellationToken);
            return referrals.Count;
        }, cancellationToken);
}
