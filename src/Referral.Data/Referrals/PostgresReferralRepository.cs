using Dapper;
using Npgsql;
using Referral.Data.Idempotency;
using Referral.Data.Postgres;
using Referral.Domain.Referrals;

namespace Referral.Data.Referrals;

/// <summary>
/// Referrals on PostgreSQL. What SQLite's single writer gives for free, row locks give here, and
/// across every instance: a create holds its profile, service and recommendation set FOR SHARE
/// until it commits (so a retire, a profile change or an erasure waits for it, or it waits for
/// them and reads what they left), and a change holds its referral FOR UPDATE (so of two moves
/// at once, the second reads the first's result and history never forks).
/// </summary>
public sealed class PostgresReferralRepository(PostgresConnectionFactory connections) : IReferralRepository
{
    private const string ReferralColumns = ReferralRow.Columns;

    public async Task<ReferralCreation> CreateAsync(
        NewReferral referral, Func<ReferralParties, ReferralCreation?> admit, IdempotentWrite<ReferralRecord>? idempotency, Guid keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(admit);
        referral = referral with { Now = PostgresTime.Stored(referral.Now) };
        return await connections.WriteAsync<ReferralCreation>(PracticeScope.Of(referral.OdsCode), async (connection, transaction) =>
        {
            var parties = (await connection.QuerySingleAsync<PartiesRow>(new CommandDefinition(
                """
                SELECT (SELECT version FROM profiles WHERE id = @ProfileId AND ods_code = @OdsCode FOR SHARE) AS ProfileVersion,
                       (SELECT status FROM services WHERE id = @ServiceId FOR SHARE) AS ServiceStatus,
                       (SELECT profile_id FROM recommendation_sets WHERE id = @RecommendationId AND ods_code = @OdsCode FOR SHARE) AS RecommendationProfileId
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
                        (SELECT document->'formats'->>0 FROM services WHERE id = @ServiceId), @ExtraversionBand, @Lonely)
                """,
                referral, transaction, cancellationToken: cancellationToken));
            await ReferralWrites.CreatedAsync(connection, transaction, referral, keyId, cancellationToken);
            var stored = (await Read(connection, transaction, referral.OdsCode, [referral.Id], cancellationToken)).Single();
            if (idempotency is not null
                && !await PostgresIdempotentResponses.TryStoreAsync(connection, transaction, referral.OdsCode, idempotency, referral.Id, stored, now, cancellationToken))
            {
                // Another request with the same key, through any instance, committed first: this one stores nothing.
                return new ReferralCreation.IdempotencyKeyTaken();
            }

            await transaction.CommitAsync(cancellationToken);
            return new ReferralCreation.Created(stored);
        }, cancellationToken);
    }

    public Task<ReferralRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken) =>
        connections.ReadAsync(PracticeScope.Of(odsCode), async (connection, transaction) =>
            (await Read(connection, transaction, odsCode, [id], cancellationToken)).SingleOrDefault(), cancellationToken);

    public Task<Page<ReferralRecord>> ListAsync(string odsCode, ReferralQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return connections.ReadAsync(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            var where =
                "ods_code = @OdsCode AND (@ProfileId::uuid IS NULL OR profile_id = @ProfileId) AND (@ServiceId::uuid IS NULL OR service_id = @ServiceId) AND (@Status::text IS NULL OR status = @Status)"
                + " AND (@Id::uuid IS NULL OR id = @Id)"
                + " AND (@NhsNumber::text IS NULL OR profile_id IN (SELECT id FROM profiles WHERE ods_code = @OdsCode AND nhs_number = @NhsNumber))"
                + (query.Statuses is null ? string.Empty : " AND status = ANY(@Statuses)");
            var parameters = new
            {
                OdsCode = odsCode, query.ProfileId, query.ServiceId, query.Status, query.Id, query.NhsNumber, Statuses = query.Statuses?.ToArray(),
                Limit = query.PageSize, Offset = (query.Page - 1) * query.PageSize,
            };
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM referrals WHERE {where}", parameters, transaction, cancellationToken: cancellationToken));
            var ids = (await connection.QueryAsync<Guid>(new CommandDefinition(
                $"SELECT id FROM referrals WHERE {where} ORDER BY created_at, id LIMIT @Limit OFFSET @Offset", parameters, transaction, cancellationToken: cancellationToken))).ToList();
            var referrals = await Read(connection, transaction, odsCode, ids, cancellationToken);
            return new Page<ReferralRecord>(referrals, query.Page, query.PageSize, total);
        }, cancellationToken);
    }

    public async Task<ReferralChange> UpdateAsync(
        string odsCode, Guid id, Func<ReferralSnapshot, ReferralAmendment> decide, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        now = PostgresTime.Stored(now);
        return await connections.WriteAsync<ReferralChange>(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            // The row lock first, then the read: a concurrent change through any instance has
            // either committed (and is read here) or waits for this one to commit.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT 1 FROM referrals WHERE id = @id AND ods_code = @odsCode FOR UPDATE", new { id, odsCode }, transaction, cancellationToken: cancellationToken));
            var referral = (await Read(connection, transaction, odsCode, [id], cancellationToken)).SingleOrDefault();
            if (referral is null)
            {
                return new ReferralChange.NotFound();
            }

            var serviceStatus = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT status FROM services WHERE id = @ServiceId FOR SHARE", new { referral.ServiceId }, transaction, cancellationToken: cancellationToken));
            if (await ReferralWrites.ApplyAsync(connection, transaction, referral, decide(new ReferralSnapshot(referral, serviceStatus)), keyId, now, cancellationToken) is { } refused)
            {
                return refused;
            }

            var stored = (await Read(connection, transaction, odsCode, [id], cancellationToken)).Single();
            await transaction.CommitAsync(cancellationToken);
            return new ReferralChange.Done(stored);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>?> AuditAsync(string odsCode, Guid id, CancellationToken cancellationToken) =>
        connections.ReadAsync<IReadOnlyList<AuditEntry>?>(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM referrals WHERE id = @id AND ods_code = @odsCode", new { id, odsCode }, transaction, cancellationToken: cancellationToken));
            if (exists == 0)
            {
                return null;
            }

            var entries = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
                "SELECT id AS Id, action AS Action, detail::text AS Detail, key_id AS KeyId, at AS At FROM audit_events WHERE referral_id = @id AND ods_code = @odsCode ORDER BY id",
                new { id, odsCode }, transaction, cancellationToken: cancellationToken));
            return entries.ToList();
        }, cancellationToken);

    /// <summary>Every practice's figures: a system read for the track records, so across practices.</summary>
    public Task<IReadOnlyList<PracticeOutcomes>> OutcomesAsync(CancellationToken cancellationToken) =>
        connections.ReadAsync<IReadOnlyList<PracticeOutcomes>>(PracticeScope.Every, async (connection, transaction) =>
        {
            var rows = await connection.QueryAsync<PracticeOutcomes>(new CommandDefinition(
                """
                SELECT r.service_id AS ServiceId,
                       r.ods_code AS OdsCode,
                       CAST(COUNT(*) AS integer) AS Closed,
                       CAST(COUNT(*) FILTER (WHERE r.status = 'completed') AS integer) AS Completed,
                       CAST(COUNT(*) FILTER (WHERE e.referral_id IS NOT NULL AND e.withdrawn_at IS NULL) AS integer) AS Endorsed
                  FROM referrals r
                  LEFT JOIN endorsements e ON e.referral_id = r.id
                 WHERE NOT (r.status = ANY(@open))
                 GROUP BY r.service_id, r.ods_code
                """,
                new { open = ReferralStatuses.Open.ToArray() },
                transaction,
                cancellationToken: cancellationToken));
            return rows.ToList();
        }, cancellationToken);

    private static async Task<IReadOnlyList<ReferralRecord>> Read(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string odsCode, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<ReferralRow>(new CommandDefinition(
            $"SELECT {ReferralColumns} FROM referrals WHERE ods_code = @odsCode AND id = ANY(@ids)", new { odsCode, ids = ids.ToArray() }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id);
        var found = ids.Where(rows.ContainsKey).ToArray();
        var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(
            $"SELECT {ReferralRow.EventColumns} FROM referral_events WHERE referral_id = ANY(@found) ORDER BY referral_id, seq",
            new { found }, transaction, cancellationToken: cancellationToken))).ToLookup(e => e.ReferralId);
        var endorsements = (await connection.QueryAsync<EndorsementRow>(new CommandDefinition(
            $"SELECT {ReferralRow.EndorsementColumns} FROM endorsements WHERE referral_id = ANY(@found)",
            new { found }, transaction, cancellationToken: cancellationToken))).ToDictionary(e => e.ReferralId);

        return ReferralRow.Assemble(found, rows, events, endorsements);
    }
}
