using System.Text.Json;
using Dapper;
using Referral.Data.Sqlite;
using Referral.Domain.Factors;
using Referral.Domain.Outcomes;

namespace Referral.Data.Insights;

/// <summary>
/// Each insight is one grouped scan of the period's referrals: pooled, the covering index
/// ix_referrals_insights alone; for one practice, ix_referrals_ods_created. Whether an
/// endorsement stands and the furthest stage reached are columns that triggers keep in step
/// with every write (migration 0012), rather than aggregate tables that every write path would
/// have to update and that could drift from the rows they count.
/// </summary>
public sealed class SqliteInsightsRepository(SqliteConnectionFactory connections) : IInsightsRepository
{
    private const string InScope = "r.created_at >= @From AND r.created_at < @Until AND (@OdsCode IS NULL OR r.ods_code = @OdsCode)";

    public async Task<IReadOnlyList<UptakeCell>> UptakeAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // endorsed and reached are kept on the referral by triggers (migration 0012), so this reads
        // the covering index ix_referrals_insights alone.
        var rows = await connection.QueryAsync<UptakeCell>(new CommandDefinition(
            $"""
            SELECT r.cohort AS Cohort, r.endorsed AS Endorsed, r.format AS Format, r.extraversion_band AS ExtraversionBand, r.lonely AS Lonely,
                   COUNT(*) AS Referred, SUM(r.reached >= 1) AS Contacted, SUM(r.reached >= 2) AS Started, SUM(r.reached = 3) AS Completed
              FROM referrals r
             WHERE {InScope}
             GROUP BY 1, 2, 3, 4, 5
            """,
            scope, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<int> PracticesAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(DISTINCT r.ods_code) FROM referrals r WHERE {InScope}", scope, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<DeclineCell>> DeclinesAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeclineCell>(new CommandDefinition(
            $"""
            SELECT r.format AS Format, r.decline_reason AS Reason, COUNT(*) AS Count
              FROM referrals r
             WHERE {InScope} AND r.decline_reason IS NOT NULL
             GROUP BY 1, 2
            """,
            scope, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<IReadOnlyList<FactorRanking>> RankingsAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string? Used, string Priorities)>(new CommandDefinition(
            """
            SELECT CAST(json_extract(p.document, '$.hasUsedPeerSupport') AS TEXT) AS Used, json_extract(p.document, '$.factorPriorities') AS Priorities
              FROM profiles p
             WHERE p.created_at >= @From AND p.created_at < @Until AND (@OdsCode IS NULL OR p.ods_code = @OdsCode)
               AND json_array_length(p.document, '$.factorPriorities') > 0
            """,
            scope, cancellationToken: cancellationToken));
        return rows.Select(r => new FactorRanking(
            Cohorts.From(r.Used switch { "1" => true, "0" => false, _ => null }).Code(),
            JsonSerializer.Deserialize<List<string>>(r.Priorities) ?? [])).ToList();
    }

    public async Task<IReadOnlyList<WellbeingPair>> WellbeingAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WellbeingRow>(new CommandDefinition(
            WellbeingRow.Sql(InScope),
            scope, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPair()).ToList();
    }
}
