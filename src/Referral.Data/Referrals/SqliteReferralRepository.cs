using System.Data.Common;
using Dapper;
using Referral.Data.Idempotency;
using Referral.Data.Sqlite;
using Referral.Domain.Referrals;

namespace Referral.Data.Referrals;

public sealed class SqliteReferralRepository(SqliteConnectionFactory connections) : IReferralRepository
{
    private const string ReferralColumns = ReferralRow.Columns;

    public async Task<ReferralCreation> CreateAsync(
        NewReferral referral, Func<ReferralParties, ReferralCreation?> admit, IdempotentWrite<ReferralRecord>? idempotency, Guid keyId, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<ReferralCreation>(async connection =>
        {
            // BEGIN IMMEDIATE (the provider's default): the parties read here cannot change before the commit.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var parties = (await connection.QuerySingleAsync<PartiesRow>(new CommandDefinition(
                """
                SELECT (SELECT version FROM profiles WHERE id = @ProfileId AND ods_code = @OdsCode) AS ProfileVersion,
                       (SELECT status FROM services WHERE id = @ServiceId) AS ServiceStatus,
                       (SELECT profile_id FROM recommendation_sets WHERE id = @RecommendationId AND ods_code = @OdsCode) AS RecommendationProfileId
                """,
                referral, transaction, cancellationToken: cancellationToken))).ToParties();
            if (admit(parties) is { } refusal)
            {
                return refusal;
            }

            var now = referral.Now;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO referrals (id, ods_code, profile_id, service_id, recommendation_id, route, source, status, version, cohort, age_band, created_at, updated_at, record_sharing,
                                       format, extraversion_band, lonely)
                VALUES (@Id, @OdsCode, @ProfileId, @ServiceId, @RecommendationId, @Route, @Source, 'proposed', 1, @Cohort, @AgeBand, @Now, @Now, @RecordSharing,
                        (SELECT json_extract(document, '$.formats[0]') FROM services WHERE id = @ServiceId), @ExtraversionBand, @Lonely)
                """,
                referral, transaction, cancellationToken: cancellationToken));
            await ReferralWrites.CreatedAsync(connection, transaction, referral, keyId, cancellationToken);
            var stored = (await Read(connection, transaction, referral.OdsCode, [referral.Id], cancellationToken)).Single();
            if (idempotency is not null
                && !await SqliteIdempotentResponses.TryStoreAsync(connection, transaction, referral.OdsCode, idempotency, referral.Id, stored, now, cancellationToken))
            {
                // A concurrent request with the same key won: this one stores nothing.
                return new ReferralCreation.IdempotencyKeyTaken();
            }

            await transaction.CommitAsync(cancellationToken);
            return new ReferralCreation.Created(stored);
        }, cancellationToken);
    }

    public async Task<ReferralRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await Read(connection, null, odsCode, [id], cancellationToken)).SingleOrDefault();
    }

    public async Task<Page<ReferralRecord>> ListAsync(string odsCode, ReferralQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var where =
            "ods_code = @OdsCode AND (@ProfileId IS NULL OR profile_id = @ProfileId) AND (@ServiceId IS NULL OR service_id = @ServiceId) AND (@Status IS NULL OR status = @Status)"
            + " AND (@Id IS NULL OR id = @Id)"
            + " AND (@NhsNumber IS NULL OR profile_id IN (SELECT id FROM profiles WHERE ods_code = @OdsCode AND nhs_number = @NhsNumber))"
            + (query.Statuses is null ? string.Empty : " AND status IN @Statuses");
        var parameters = new
        {
            OdsCode = odsCode, query.ProfileId, query.ServiceId, query.Status, query.Id, query.NhsNumber, query.Statuses,
            Limit = query.PageSize, Offset = (query.Page - 1) * query.PageSize,
        };
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM referrals WHERE {where}", parameters, cancellationToken: cancellationToken));
        var ids = (await connection.QueryAsync<Guid>(new CommandDefinition(
            $"SELECT id FROM referrals WHERE {where} ORDER BY created_at, id LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: cancellationToken))).ToList();
        var referrals = await Read(connection, null, odsCode, ids, cancellationToken);
        return new Page<ReferralRecord>(referrals, query.Page, query.PageSize, total);
    }

    public async Task<ReferralChange> UpdateAsync(
        string odsCode, Guid id, Func<ReferralSnapshot, ReferralAmendment> decide, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<ReferralChange>(async connection =>
        {
            // BEGIN IMMEDIATE (the provider's default): concurrent changes queue for the write lock
            // instead of racing, so exactly one of two simultaneous moves wins and history never forks.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var referral = (await Read(connection, transaction, odsCode, [id], cancellationToken)).SingleOrDefault();
            if (referral is null)
            {
                return new ReferralChange.NotFound();
            }

            var serviceStatus = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT status FROM services WHERE id = @ServiceId", new { referral.ServiceId }, transaction, cancellationToken: cancellationToken));
            if (await ReferralWrites.ApplyAsync(connection, transaction, referral, decide(new ReferralSnapshot(referral, serviceStatus)), keyId, now, cancellationToken) is { } refused)
            {
                return refused;
            }

            var stored = (await Read(connection, transaction, odsCode, [id], cancellationToken)).Single();
            await transaction.CommitAsync(cancellationToken);
            return new ReferralChange.Done(stored);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>?> AuditAsync(string odsCode, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM referrals WHERE id = @id AND ods_code = @odsCode", new { id, odsCode }, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return null;
        }

        var entries = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            "SELECT id AS Id, action AS Action, detail AS Detail, key_id AS KeyId, at AS At FROM audit_events WHERE referral_id = @id AND ods_code = @odsCode ORDER BY id",
            new { id, odsCode }, cancellationToken: cancellationToken));
        return entries.ToList();
    }

    public async Task<IReadOnlyList<PracticeOutcomes>> OutcomesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PracticeOutcomes>(new CommandDefinition(
            """
            SELECT r.service_id AS ServiceId,
                   r.ods_code AS OdsCode,
                   COUNT(*) AS Closed,
                   CAST(SUM(CASE WHEN r.status = 'completed' THEN 1 ELSE 0 END) AS INTEGER) AS Completed,
                   CAST(SUM(CASE WHEN e.referral_id IS NOT NULL AND e.withdrawn_at IS NULL THEN 1 ELSE 0 END) AS INTEGER) AS Endorsed
              FROM referrals r
              LEFT JOIN endorsements e ON e.referral_id = r.id
             WHERE r.status NOT IN @open
             GROUP BY r.service_id, r.ods_code
            """,
            new { open = ReferralStatuses.Open },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static async Task<IReadOnlyList<ReferralRecord>> Read(
        DbConnection connection, DbTransaction? transaction, string odsCode, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<ReferralRow>(new CommandDefinition(
            $"SELECT {ReferralColumns} FROM referrals WHERE ods_code = @odsCode AND id IN @ids", new { odsCode, ids = IdText.Of(ids) }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id);
        var found = ids.Where(rows.ContainsKey).ToList();
        var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(
            $"SELECT {ReferralRow.EventColumns} FROM referral_events WHERE referral_id IN @found ORDER BY referral_id, seq",
            new { found = IdText.Of(found) }, transaction, cancellationToken: cancellationToken))).ToLookup(e => e.ReferralId);
        var endorsements = (await connection.QueryAsync<EndorsementRow>(new CommandDefinition(
            $"SELECT {ReferralRow.EndorsementColumns} FROM endorsements WHERE referral_id IN @found",
            new { found = IdText.Of(found) }, transaction, cancellationToken: cancellationToken))).ToDictionary(e => e.ReferralId);

        return ReferralRow.Assemble(found, rows, events, endorsements);
    }
}
