using Npgsql;

namespace Referral.Data.Postgres;

/// <summary>
/// What makes an erasure physical on PostgreSQL. A DELETE or UPDATE leaves the old row version
/// in its page as a dead tuple; VACUUM later marks the space free but does not overwrite it, so
/// erased words stay readable in the table's files until new rows happen to land there. VACUUM
/// FULL writes each table holding personal data anew, with live rows only, and drops the old
/// files. It locks each table while it runs, so an operator schedules it (e.g. nightly) rather
/// than the API running it on every erasure. The WAL and backups are another matter (README).
/// </summary>
public static class PostgresCompaction
{
    /// <summary>Every table an erasure deletes from or overwrites.</summary>
    public static readonly IReadOnlyList<string> PersonalTables =
        ["profiles", "referrals", "referral_events", "endorsements", "recommendation_sets", "idempotency_keys", "outcome_measures"];

    public static string Sql => $"VACUUM (FULL, ANALYZE) {string.Join(", ", PersonalTables)}";

    /// <summary>Runs it as the tables' owner (the API's role).</summary>
    public static async Task CompactAsync(string connectionString, CancellationToken cancellationToken)
    {
        // VACUUM cannot run inside a transaction, so not through the connection factory's units of work.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
