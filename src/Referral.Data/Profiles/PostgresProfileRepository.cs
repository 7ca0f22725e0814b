using Dapper;
using Npgsql;
using Referral.Data.Postgres;
using Referral.Data.Referrals;
using Referral.Domain.Profiles;
using Referral.Domain.Referrals;

namespace Referral.Data.Profiles;

/// <summary>
/// Profiles on PostgreSQL, every statement under the practice's row-level security as well as
/// its own ODS filter. Erasure removes the rows in one transaction; what that leaves in the
/// server's files (dead tuples, WAL, backups) is described in the README.
/// </summary>
public sealed class PostgresProfileRepository(PostgresConnectionFactory connections) : IProfileRepository
{
    private const string Columns = ProfileRow.Columns;

    public async Task<Profile?> CreateAsync(string odsCode, string? nhsNumber, ProfileInput details, DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = PostgresTime.Stored(now);
        var profile = new Profile(Guid.NewGuid(), odsCode, 1, nhsNumber, details, now, now);
        return await connections.WriteAsync<Profile?>(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO profiles (id, ods_code, patient_ref, version, nhs_number, document, created_at, updated_at)
                VALUES (@Id, @OdsCode, @PatientRef, 1, @NhsNumber, @Document::jsonb, @Now, @Now)
                ON CONFLICT (ods_code, patient_ref) DO NOTHING
                """,
                new { profile.Id, OdsCode = odsCode, profile.Details.PatientRef, NhsNumber = nhsNumber, Document = ProfileRow.DocumentOf(profile.Details), Now = now },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return inserted == 1 ? profile : null;
        }, cancellationToken);
    }

    public Task<Profile?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken) =>
        connections.ReadAsync(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
                $"SELECT {Columns} FROM profiles WHERE id = @id AND ods_code = @odsCode", new { id, odsCode }, transaction, cancellationToken: cancellationToken));
            return row?.ToProfile();
        }, cancellationToken);

    public async Task<ReplaceOutcome<Profile>> ReplaceAsync(
        string odsCode, Guid id, string? nhsNumber, ProfileInput details, int? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = PostgresTime.Stored(now);
        return await connections.WriteAsync<ReplaceOutcome<Profile>>(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            // FOR UPDATE: a concurrent replace, referral or erasure of this profile waits for this one.
            var current = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
                "SELECT version AS Version, created_at AS CreatedAt FROM profiles WHERE id = @id AND ods_code = @odsCode FOR UPDATE",
                new { id, odsCode }, transaction, cancellationToken: cancellationToken));
            if (ReplaceOutcome.Refusal<Profile>(current?.Version, expectedVersion) is { } refusal)
            {
                return refusal;
            }

            try
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE profiles
                       SET version = version + 1, patient_ref = @PatientRef, nhs_number = @NhsNumber, document = @Document::jsonb, updated_at = @Now
                     WHERE id = @Id AND ods_code = @OdsCode
                    """,
                    new { Id = id, OdsCode = odsCode, details.PatientRef, NhsNumber = nhsNumber, Document = ProfileRow.DocumentOf(details), Now = now },
                    transaction,
                    cancellationToken: cancellationToken));
            }
            catch (PostgresException e) when (PostgresErrors.IsDuplicate(e))
            {
                return new ReplaceOutcome<Profile>.Duplicate();
            }

            await transaction.CommitAsync(cancellationToken);
            return new ReplaceOutcome<Profile>.Replaced(new Profile(id, odsCode, current!.Version + 1, nhsNumber, details, current.CreatedAt, now));
        }, cancellationToken);
    }

    public Task<Page<Profile>> ListAsync(string odsCode, string? patientRef, int page, int pageSize, CancellationToken cancellationToken) =>
        connections.ReadAsync(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            const string where = "ods_code = @odsCode AND (@patientRef::text IS NULL OR patient_ref = @patientRef)";
            var parameters = new { odsCode, patientRef, Limit = pageSize, Offset = (page - 1) * pageSize };
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM profiles WHERE {where}", parameters, transaction, cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<ProfileRow>(new CommandDefinition(
                $"SELECT {Columns} FROM profiles WHERE {where} ORDER BY created_at, id LIMIT @Limit OFFSET @Offset", parameters, transaction, cancellationToken: cancellationToken));
            return new Page<Profile>(rows.Select(r => r.ToProfile()).ToList(), page, pageSize, total);
        }, cancellationToken);

    public async Task<bool> EraseAsync(string odsCode, Guid id, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = PostgresTime.Stored(now);
        return await connections.WriteAsync<bool>(PracticeScope.Of(odsCode), async (connection, transaction) =>
        {
            // Locked first: a referral or recommendation set being made for this profile through
            // any instance either commits before this reads its referrals, or waits and finds no profile.
            var exists = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                "SELECT id FROM profiles WHERE id = @id AND ods_code = @odsCode FOR UPDATE", new { id, odsCode }, transaction, cancellationToken: cancellationToken));
            if (exists is null)
            {
                return false;
            }

            var referrals = (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT id FROM referrals WHERE profile_id = @id AND ods_code = @odsCode FOR UPDATE", new { id, odsCode }, transaction, cancellationToken: cancellationToken))).ToArray();

            // Referrals stay for statistics with every trace of the person removed, as on SQLite.
            const string anonymise =
                """
                UPDATE referrals SET profile_id = NULL, profile_erased_at = @now, version = version + 1, updated_at = @now
                 WHERE profile_id = @id AND ods_code = @odsCode;
                UPDATE endorsements SET note = NULL, withdrawal_reason = NULL WHERE referral_id = ANY(@referrals);
                UPDATE referral_events SET reason = NULL
                 WHERE referral_id = ANY(@referrals) AND (reason IS NULL OR NOT (reason = ANY(@declineReasons)));
                DELETE FROM idempotency_keys WHERE referral_id = ANY(@referrals);
                DELETE FROM outcome_measures WHERE referral_id = ANY(@referrals);
                DELETE FROM recommendation_sets WHERE profile_id = @id AND ods_code = @odsCode;
                DELETE FROM profiles WHERE id = @id AND ods_code = @odsCode;
                """;
            await connection.ExecuteAsync(new CommandDefinition(
                anonymise, new { id, odsCode, now, referrals, declineReasons = ReferralStatuses.DeclineReasons.ToArray() }, transaction, cancellationToken: cancellationToken));

            foreach (var referral in referrals)
            {
                await AuditTrail.AppendAsync(connection, transaction, referral, odsCode, "profile-erased", ProfileRow.ErasureDetail, keyId, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }
}
