using Dapper;
using Referral.Data.Sqlite;

namespace Referral.Data.Demo;

public sealed class SqliteSyntheticCohortStore(SqliteConnectionFactory connections) : ISyntheticCohortStore
{
    public async Task<IReadOnlyList<(Guid Id, string? Format)>> ActiveServicesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid, string?)>(new CommandDefinition(
            "SELECT id, json_extract(document, '$.formats[0]') FROM services WHERE status = 'active' ORDER BY json_extract(document, '$.name'), id", cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task WriteAsync(IReadOnlyList<SyntheticReferral> referrals, CancellationToken cancellationToken)
    {
        await connections.WriteAsync<int>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await SyntheticCohortRows.InsertAsync(connection, transaction, referrals, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return referrals.Count;
        }, cancellationToken);
    }
}
