using System.Text.Json;
using Dapper;
using Referral.Data.Postgres;
using Referral.Domain.Factors;
using Referral.Domain.Outcomes;

namespace Referral.Data.Insights;

/// <summary>
/// The insights on PostgreSQL: the same grouped scans as on SQLite, over the columns the
/// triggers keep (db/postgresql/0001). Insights pool practices, so they read across practices
/// under row-level security, and filter to one practice themselves when the scope names it.
/// </summary>
public sealed class PostgresInsightsRepository(PostgresConnectionFactory connections) : IInsightsRepository
{
    private const string InScope = "r.created_at >= @From AND r.created_at < @Until AND (@OdsCode::text IS NULL OR r.ods_code = @OdsCode)";

    public Task<IReadOnlyList<UptakeCell>> UptakeAsync(InsightScope scope, CancellationToken cancellationToken) =>
        QueryAsync<UptakeCell>(
            $"""
            SELECT r.cohort AS Cohort, r.endorsed AS Endorsed, r.format AS Format, r.extraversion_band AS ExtraversionBand, r.lonely AS Lonely,
                   CAST(COUNT(*) AS integer) AS Referred,
                   CAST(COUNT(*) FILTER (WHERE r.reached >= 1) AS integer) AS Contacted,
                   CAST(COUNT(*) FILTER (WHERE r.reached >= 2) AS integer) AS Started,
                   CAST(COUNT(*) FILTER (WHERE r.reached = 3) AS integer) AS Completed
              FROM referrals r
             WHERE {InScope}
             GROUP BY 1, 2, 3, 4, 5
            """,
            scope, cancellationToken);

    public async Task<int> PracticesAsync(InsightScope scope, CancellationToken cancellationToken) =>
        (await QueryAsync<int>($"SELECT CAST(COUNT(DISTINCT r.ods_code) AS integer) FROM referrals r WHERE {InScope}", scope, cancellationToken)).Single();

    public Task<IReadOnlyList<DeclineCell>> DeclinesAsync(InsightScope scope, CancellationToken cancellationToken) =>
        QueryAsync<DeclineCell>(
            $"""
            SELECT r.format AS Format, r.decline_reason AS Reason, CAST(COUNT(*) AS integer) AS Count
              FROM referrals r
             WHERE {InScope} AND r.decline_reason IS NOT NULL
             GROUP BY 1, 2
            """,
            scope, cancellationToken);

    public async Task<IReadOnlyList<FactorRanking>> RankingsAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<(bool? Used, string Priorities)>(
            """
            SELECT CASE jsonb_typeof(p.document->'hasUsedPeerSupport') WHEN 'boolean' THEN (p.document->>'hasUsedPeerSupport')::boolean END AS Used,
                   (p.document->'factorPriorities')::text AS Priorities
              FROM profiles p
             WHERE p.created_at >= @From AND p.created_at < @Until AND (@OdsCode::text IS NULL OR p.ods_code = @OdsCode)
               AND jsonb_typeof(p.document->'factorPriorities') = 'array' AND jsonb_array_length(p.document->'factorPriorities') > 0
            """,
            scope, cancellationToken);
        return rows.Select(r => new FactorRanking(Cohorts.From(r.Used).Code(), JsonSerializer.Deserialize<List<string>>(r.Priorities) ?? [])).ToList();
    }

    public async Task<IReadOnlyList<WellbeingPair>> WellbeingAsync(InsightScope scope, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<WellbeingRow>(
            WellbeingRow.Sql(InScope),
            scope, cancellationToken);
        return rows.Select(r => r.ToPair()).ToList();
    }

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, InsightScope scope, CancellationToken cancellationToken) =>
        connections.ReadAsync<IReadOnlyList<T>>(PracticeScope.Every, async (connection, transaction) =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, scope, transaction, cancellationToken: cancellationToken))).ToList(), cancellationToken);
}
