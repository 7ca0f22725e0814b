using System.Data.Common;
using Dapper;

namespace Referral.Data.Directory;

/// <summary>
/// The service_codes table: each code of a service's lists as a row, so a code filter is an
/// index seek. Always derived from the stored document, by the same json_each reading as
/// migration 0006's backfill, inside the transaction of the write that changed the document.
/// </summary>
internal static class ServiceCodes
{
    public const string Condition = "condition";
    public const string Community = "community";
    public const string Format = "format";
    public const string Language = "language";

    // Retiring changes only the status, so only create and replace call this.
    public static Task RefreshAsync(DbConnection connection, DbTransaction transaction, Guid serviceId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"""
            DELETE FROM service_codes WHERE service_id = @serviceId;
            INSERT INTO service_codes (service_id, kind, code)
            SELECT DISTINCT s.id, k.kind, j.value
              FROM services s
              JOIN (SELECT '{Condition}' AS kind, '$.{ServiceDocument.Members.Conditions}' AS path
                    UNION ALL SELECT '{Community}', '$.{ServiceDocument.Members.Communities}'
                    UNION ALL SELECT '{Format}', '$.{ServiceDocument.Members.Formats}'
                    UNION ALL SELECT '{Language}', '$.{ServiceDocument.Members.Languages}') k
              JOIN json_each(s.document, k.path) j
             WHERE s.id = @serviceId AND j.value IS NOT NULL;
            """,
            new { serviceId },
            transaction,
            cancellationToken: cancellationToken));
}
