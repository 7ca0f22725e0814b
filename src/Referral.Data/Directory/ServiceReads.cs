using System.Data.Common;
using Dapper;
using Referral.Domain.Directory;

namespace Referral.Data.Directory;

/// <summary>Reads of the directory, in statements every provider runs as they are.</summary>
internal static class ServiceReads
{
    public static async Task<Service?> GetAsync(DbConnection connection, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ServiceRow>(new CommandDefinition(
            $"SELECT {ServiceRow.Columns} FROM services WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToService();
    }

    /// <summary>One row at a time: a directory of 100,000 services is never all in memory as rows.</summary>
    public static async IAsyncEnumerable<Service> AllAsync(DbConnection connection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in connection.QueryUnbufferedAsync<ServiceRow>($"SELECT {ServiceRow.Columns} FROM services ORDER BY id").WithCancellation(cancellationToken))
        {
            yield return row.ToService();
        }
    }

    public static Task<int> CountAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM services", cancellationToken: cancellationToken));
}
