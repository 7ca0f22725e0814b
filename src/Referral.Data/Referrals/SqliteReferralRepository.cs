using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Referral.Data.Sqlite;
using Referral.Domain.Referrals;

namespace Referral.Data.Referrals;

public sealed class SqliteReferralRepository(SqliteConnectionFactory connections) : IReferralRepository
{
    private const string ReferralColumns =
        """
        id AS Id, ods_code AS OdsCode, profile_id AS ProfileId, service_id AS ServiceId, recommendation_id AS RecommendationId,
        route AS Route, source AS Source, status AS Status, version AS Version, cohort AS Cohort, age_band AS AgeBand,
        profile_erased_at AS ProfileErasedAt, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public async Task<ReferralCreation> CreateAsync(
        NewReferral referral, Func<ReferralRecord, string>? render, string? idempotencyKey, string? requestHash, Guid keyId, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<ReferralCreation>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var now = referral.Now;
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO referrals (id, ods_code, profile_id, service_id, recommendation_id, route, source, status, version, cohort, age_band, created_at, updated_at)
                SELECT @Id, @OdsCode, @ProfileId, @ServiceId, @RecommendationId, @Route, @Source, 'proposed', 1, @Cohort, @AgeBand, @Now, @Now
                 WHERE EXISTS (SELECT 1 FROM profiles WHERE id = @ProfileId AND ods_code = @OdsCode)
                """,
                referral, transaction, cancellationToken: cancellationToken));
            if (inserted == 0)
            {
                return new ReferralCreation.ProfileGone();
            }

            await InsertEvent(connection, transaction, referral.Id, 1, ReferralStatuses.Proposed, null, now, now, cancellationToken);
            await Audit(connection, transaction, referral.Id, referral.OdsCode, "referral-created",
                new { referral.ServiceId, referral.RecommendationId, referral.Route, referral.Source, status = ReferralStatuses.Proposed }, keyId, now, cancellationToken);
            if (referral.Endorsement is { } endorsement)
            {
                await InsertEndorsement(connection, transaction, referral.Id, referral.OdsCode, endorsement, keyId, now, cancellationToken);
            }

            var stored = (await Read(connection, transaction, referral.OdsCode, [referral.Id], cancellationToken)).Single();
            if (idempotencyKey is not null)
            {
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO idempotency_keys (ods_code, key, request_hash, referral_id, response_body, created_at)
                        VALUES (@OdsCode, @Key, @Hash, @ReferralId, @Body, @Now)
                        """,
                        new { referral.OdsCode, Key = idempotencyKey, Hash = requestHash, ReferralId = referral.Id, Body = render!(stored), Now = now },
                        transaction, cancellationToken: cancellationToken));
                }
                catch (SqliteException e) when (SqliteErrors.IsDuplicate(e))
                {
                    // A concurrent request with the same key won: this one stores nothing.
                    return new ReferralCreation.IdempotencyKeyTaken();
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return new ReferralCreation.Created(stored);
        }, cancellationToken);
    }

    public async Task<IdempotentResponse?> FindIdempotentAsync(string odsCode, string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IdempotentResponse>(new CommandDefinition(
            "SELECT key AS Key, request_hash AS RequestHash, referral_id AS ReferralId, response_body AS ResponseBody FROM idempotency_keys WHERE ods_code = @odsCode AND key = @key",
            new { odsCode, key }, cancellationToken: cancellationToken));
    }

    public async Task<ReferralRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await Read(connection, null, odsCode, [id], cancellationToken)).SingleOrDefault();
    }

    public async Task<Page<ReferralRecord>> ListAsync(string odsCode, ReferralQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        const string where =
            "ods_code = @OdsCode AND (@ProfileId IS NULL OR profile_id = @ProfileId) AND (@ServiceId IS NULL OR service_id = @ServiceId) AND (@Status IS NULL OR status = @Status)";
        var parameters = new { OdsCode = odsCode, query.ProfileId, query.ServiceId, query.Status, Limit = query.PageSize, Offset = (query.Page - 1) * query.PageSize };
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM referrals WHERE {where}", parameters, cancellationToken: cancellationToken));
        var ids = (await connection.QueryAsync<Guid>(new CommandDefinition(
            $"SELECT id FROM referrals WHERE {where} ORDER BY created_at, id LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: cancellationToken))).ToList();
        var referrals = await Read(connection, null, odsCode, ids, cancellationToken);
        return new Page<ReferralRecord>(referrals, query.Page, query.PageSize, total);
    }

    public async Task<ReferralChange> ChangeStatusAsync(
        string odsCode, Guid id, StatusChangeInput change, int? expectedVersion, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<ReferralChange>(async connection =>
        {
            // BEGIN IMMEDIATE (the provider's default): concurrent changes queue for the write lock
            // instead of racing, so exactly one of two simultaneous moves wins and history never forks.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var referral = await connection.QuerySingleOrDefaultAsync<StatusRow>(new CommandDefinition(
                "SELECT status AS Status, version AS Version FROM referrals WHERE id = @id AND ods_code = @odsCode", new { id, odsCode }, transaction, cancellationToken: cancellationToken));
            if (referral is null)
            {
                return new ReferralChange.NotFound();
            }

            if (expectedVersion is { } expected && expected != referral.Version)
            {
                return new ReferralChange.VersionMismatch(referral.Version);
            }

            var allowed = ReferralStatuses.AllowedAfter(referral.Status);
            if (!allowed.Contains(change.Status))
            {
                return new ReferralChange.NotAllowed(referral.Status, allowed);
            }

            var latest = await connection.QuerySingleAsync<EventRow>(new CommandDefinition(
                "SELECT referral_id AS ReferralId, seq AS Seq, status AS Status, occurred_at AS OccurredAt, recorded_at AS RecordedAt FROM referral_events WHERE referral_id = @id ORDER BY seq DESC LIMIT 1", new { id }, transaction, cancellationToken: cancellationToken));
            // Compared in whole seconds: practice systems often send times to the second, and an event
            // in the same second as the one before it is not out of order. The first event is stamped
            // by this server's clock, not the practice's: a practice clock running a little behind
            // must not make a real event look older than it, so that comparison tolerates ClockSkew
            // (as the future check on occurredAt does the other way). Two practice-sent times come
            // from one clock and are compared strictly.
            var serverStamped = latest.OccurredAt == latest.RecordedAt;
            var earliest = serverStamped ? latest.OccurredAt - ClockSkew : latest.OccurredAt;
            if (change.OccurredAt.ToUnixTimeSeconds() < earliest.ToUnixTimeSeconds())
            {
                return new ReferralChange.OutOfOrder(latest.OccurredAt);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE referrals SET status = @Status, version = version + 1, updated_at = @now WHERE id = @id",
                new { change.Status, now, id }, transaction, cancellationToken: cancellationToken));
            await InsertEvent(connection, transaction, id, latest.Seq + 1, change.Status, change.Reason, change.OccurredAt, now, cancellationToken);
            var reasonCode = ReferralStatuses.DeclineReasons.Contains(change.Reason) ? change.Reason : null;
            await Audit(connection, transaction, id, odsCode, "status-changed", new { from = referral.Status, to = change.Status, reason = reasonCode }, keyId, now, cancellationToken);
            var stored = (await Read(connection, transaction, odsCode, [id], cancellationToken)).Single();
            await transaction.CommitAsync(cancellationToken);
            return new ReferralChange.Done(stored);
        }, cancellationToken);
    }

    public async Task<ReferralChange> EndorseAsync(string odsCode, Guid id, EndorsementInput endorsement, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<ReferralChange>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var referral = (await Read(connection, transaction, odsCode, [id], cancellationToken)).SingleOrDefault();
            if (referral is null)
            {
                return new ReferralChange.NotFound();
            }

            if (referral.ProfileId is null)
            {
                return new ReferralChange.ProfileErased();
            }

            // Checked in the same transaction as the write, so a concurrent retire cannot slip between.
            var serviceStatus = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT status FROM services WHERE id = @ServiceId", new { referral.ServiceId }, transaction, cancellationToken: cancellationToken));
            if (serviceStatus == "closed")
            {
                return new ReferralChange.ServiceClosed();
            }

            if (referral.Endorsement is not null)
            {
                return new ReferralChange.EndorsementConflict("This referral already has an endorsement. An endorsement is never edited: withdraw it and make a new referral if the advice has changed.");
            }

            if (!ReferralStatuses.IsOpen(referral.Status))
            {
                return new ReferralChange.EndorsementConflict($"The referral is {referral.Status}: only an open referral can be endorsed.");
            }

            await InsertEndorsement(connection, transaction, id, odsCode, endorsement, keyId, now, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE referrals SET version = version + 1, updated_at = @now WHERE id = @id", new { now, id }, transaction, cancellationToken: cancellationToken));
            var stored = (await Read(connection, transaction, odsCode, [id], cancellationToken)).Single();
            await transaction.CommitAsync(cancellationToken);
            return new ReferralChange.Done(stored);
        }, cancellationToken);
    }

    public async Task<ReferralChange> WithdrawEndorsementAsync(string odsCode, Guid id, string reason, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<ReferralChange>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var referral = (await Read(connection, transaction, odsCode, [id], cancellationToken)).SingleOrDefault();
            if (referral is null)
            {
                return new ReferralChange.NotFound();
            }

            if (referral.Endorsement is null)
            {
                return new ReferralChange.EndorsementConflict("This referral has no endorsement to withdraw.");
            }

            if (referral.Endorsement.WithdrawnAt is not null)
            {
                return new ReferralChange.EndorsementConflict("The endorsement was already withdrawn.");
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE endorsements SET withdrawn_at = @now, withdrawal_reason = @reason WHERE referral_id = @id",
                new { now, reason, id }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE referrals SET version = version + 1, updated_at = @now WHERE id = @id", new { now, id }, transaction, cancellationToken: cancellationToken));
            await Audit(connection, transaction, id, odsCode, "endorsement-withdrawn", new { }, keyId, now, cancellationToken);
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

    private static async Task InsertEvent(
        DbConnection connection, DbTransaction transaction, Guid id, int seq, string status, string? reason, DateTimeOffset occurredAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO referral_events (referral_id, seq, status, reason, occurred_at, recorded_at) VALUES (@id, @seq, @status, @reason, @occurredAt, @now)",
            new { id, seq, status, reason, occurredAt, now }, transaction, cancellationToken: cancellationToken));

    private static async Task InsertEndorsement(
        DbConnection connection, DbTransaction transaction, Guid id, string odsCode, EndorsementInput endorsement, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO endorsements (referral_id, clinician_name, clinician_role, registration_body, registration_number, note, endorsed_at, recorded_at)
            VALUES (@id, @ClinicianName, @Role, @Body, @Number, @Note, @EndorsedAt, @now)
            """,
            new { id, endorsement.ClinicianName, endorsement.Role, endorsement.Registration?.Body, endorsement.Registration?.Number, endorsement.Note, endorsement.EndorsedAt, now },
            transaction, cancellationToken: cancellationToken));
        // The clinician's name and note stay out of the audit: it is append-only, and outlives erasure.
        await Audit(connection, transaction, id, odsCode, "endorsed",
            new { role = endorsement.Role, registrationBody = endorsement.Registration?.Body }, keyId, now, cancellationToken);
    }

    internal static async Task Audit(
        DbConnection connection, DbTransaction transaction, Guid referralId, string odsCode, string action, object detail, Guid? keyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_events (referral_id, ods_code, action, detail, key_id, at) VALUES (@referralId, @odsCode, @action, @detail, @keyId, @now)",
            new { referralId, odsCode, action, detail = JsonSerializer.Serialize(detail, AuditJson), keyId, now }, transaction, cancellationToken: cancellationToken));

    /// <summary>How far behind this server's a practice's clock may run (the future check on occurredAt allows the same ahead).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static async Task<IReadOnlyList<ReferralRecord>> Read(
        DbConnection connection, DbTransaction? transaction, string odsCode, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // Dapper does not run type handlers on the items of an IN list, so ids go in as text.
        var rows = (await connection.QueryAsync<ReferralRow>(new CommandDefinition(
            $"SELECT {ReferralColumns} FROM referrals WHERE ods_code = @odsCode AND id IN @ids", new { odsCode, ids = Text(ids) }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id);
        var found = ids.Where(rows.ContainsKey).ToList();
        var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT referral_id AS ReferralId, seq AS Seq, status AS Status, reason AS Reason, occurred_at AS OccurredAt, recorded_at AS RecordedAt FROM referral_events WHERE referral_id IN @found ORDER BY referral_id, seq",
            new { found = Text(found) }, transaction, cancellationToken: cancellationToken))).ToLookup(e => e.ReferralId);
        var endorsements = (await connection.QueryAsync<EndorsementRow>(new CommandDefinition(
            """
            SELECT referral_id AS ReferralId, clinician_name AS ClinicianName, clinician_role AS Role, registration_body AS RegistrationBody,
                   registration_number AS RegistrationNumber, note AS Note, endorsed_at AS EndorsedAt, recorded_at AS RecordedAt,
                   withdrawn_at AS WithdrawnAt, withdrawal_reason AS WithdrawalReason
              FROM endorsements WHERE referral_id IN @found
            """,
            new { found = Text(found) }, transaction, cancellationToken: cancellationToken))).ToDictionary(e => e.ReferralId);

        return found.Select(id =>
        {
            var r = rows[id];
            return new ReferralRecord(
                r.Id, r.OdsCode, r.ProfileId, r.ServiceId, r.RecommendationId, r.Route, r.Source, r.Status, r.Version, r.Cohort, r.AgeBand,
                r.ProfileErasedAt, r.CreatedAt, r.UpdatedAt,
                endorsements.TryGetValue(id, out var e)
                    ? new Endorsement(e.ClinicianName, e.Role, e.RegistrationBody, e.RegistrationNumber, e.Note, e.EndorsedAt, e.RecordedAt, e.WithdrawnAt, e.WithdrawalReason)
                    : null,
                events[id].Select(x => new ReferralEvent(x.Seq, x.Status, x.Reason, x.OccurredAt, x.RecordedAt)).ToList());
        }).ToList();
    }

    private sealed record ReferralRow
    {
        public Guid Id { get; init; }
        public string OdsCode { get; init; } = "";
        public Guid? ProfileId { get; init; }
        public Guid ServiceId { get; init; }
        public Guid? RecommendationId { get; init; }
        public string Route { get; init; } = "";
        public string Source { get; init; } = "";
        public string Status { get; init; } = "";
        public int Version { get; init; }
        public string Cohort { get; init; } = "";
        public string AgeBand { get; init; } = "";
        public DateTimeOffset? ProfileErasedAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    internal static string[] Text(IEnumerable<Guid> ids) => ids.Select(id => id.ToString("D")).ToArray();

    private sealed record StatusRow
    {
        public string Status { get; init; } = "";
        public int Version { get; init; }
    }

    private sealed record EventRow
    {
        public Guid ReferralId { get; init; }
        public int Seq { get; init; }
        public string Status { get; init; } = "";
        public string? Reason { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
    }

    private sealed record EndorsementRow
    {
        public Guid ReferralId { get; init; }
        public string ClinicianName { get; init; } = "";
        public string Role { get; init; } = "";
        public string? RegistrationBody { get; init; }
        public string? RegistrationNumber { get; init; }
        public string? Note { get; init; }
        public DateTimeOffset EndorsedAt { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public DateTimeOffset? WithdrawnAt { get; init; }
        public string? WithdrawalReason { get; init; }
    }
}
