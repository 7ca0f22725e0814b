using Dapper;
using Microsoft.Data.Sqlite;
using Referral.Data.Referrals;
using Referral.Data.Sqlite;
using Referral.Domain.Profiles;
using Referral.Domain.Referrals;

namespace Referral.Data.Profiles;

public sealed class SqliteProfileRepository(SqliteConnectionFactory connections) : IProfileRepository
{
    private const string Columns = ProfileRow.Columns;

    public async Task<Profile?> CreateAsync(string odsCode, string? nhsNumber, ProfileInput details, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = new Profile(Guid.NewGuid(), odsCode, 1, nhsNumber, details, now, now);
        return await connections.WriteAsync<Profile?>(async connection =>
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO profiles (id, ods_code, patient_ref, version, nhs_number, document, created_at, updated_at)
                    VALUES (@Id, @OdsCode, @PatientRef, 1, @NhsNumber, @Document, @Now, @Now)
                    """,
                    new { profile.Id, OdsCode = odsCode, profile.Details.PatientRef, NhsNumber = nhsNumber, Document = ProfileRow.DocumentOf(profile.Details), Now = now },
                    cancellationToken: cancellationToken));
            }
            catch (SqliteException e) when (SqliteErrors.IsDuplicate(e))
            {
                return null;
            }

            return profile;
        }, cancellationToken);
    }

    public async Task<Profile?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
            $"SELECT {Columns} FROM profiles WHERE id = @id AND ods_code = @odsCode", new { id, odsCode }, cancellationToken: cancellationToken));
        return row?.ToProfile();
    }

    public async Task<ReplaceOutcome<Profile>> ReplaceAsync(
        string odsCode, Guid id, string? nhsNumber, ProfileInput details, int? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<ReplaceOutcome<Profile>>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var current = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
                "SELECT version AS Version, created_at AS CreatedAt FROM profiles WHERE id = @id AND ods_code = @odsCode", new { id, odsCode }, transaction, cancellationToken: cancellationToken));
            if (ReplaceOutcome.Refusal<Profile>(current?.Version, expectedVersion) is { } refusal)
            {
                return refusal;
            }

            try
            {
                // Read and write share one IMMEDIATE transaction, so the version cannot move in between.
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE profiles
                       SET version = version + 1, patient_ref = @PatientRef, nhs_number = @NhsNumber, document = @Document, updated_at = @Now
                     WHERE id = @Id AND ods_code = @OdsCode
                    """,
                    new { Id = id, OdsCode = odsCode, details.PatientRef, NhsNumber = nhsNumber, Document = ProfileRow.DocumentOf(details), Now = now },
                    transaction,
                    cancellationToken: cancellationToken));
            }
            catch (SqliteException e) when (SqliteErrors.IsDuplicate(e))
            {
                return new ReplaceOutcome<Profile>.Duplicate();
            }

            await transaction.CommitAsync(cancellationToken);
            return new ReplaceOutcome<Profile>.Replaced(new Profile(id, odsCode, current!.Version + 1, nhsNumber, details, current.CreatedAt, now));
        }, cancellationToken);
    }

    public async Task<Page<Profile>> ListAsync(string odsCode, string? patientRef, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        const string where = "ods_code = @odsCode AND (@patientRef IS NULL OR patient_ref = @patientRef)";
        var parameters = new { odsCode, patientRef, Limit = pageSize, Offset = (page - 1) * pageSize };
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM profiles WHERE {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<ProfileRow>(new CommandDefinition(
            $"SELECT {Columns} FROM profiles WHERE {where} ORDER BY created_at, id LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: cancellationToken));
        return new Page<Profile>(rows.Select(r => r.ToProfile()).ToList(), page, pageSize, total);
    }

    public async Task<bool> EraseAsync(string odsCode, Guid id, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await connections.WriteAsync<bool>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var parameters = new { id, odsCode, now };
            var referrals = (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT id FROM referrals WHERE profile_id = @id AND ods_code = @odsCode", parameters, transaction, cancellationToken: cancellationToken))).ToList();

            // Referrals stay for statistics (service, route, statuses, cohort, age band) with every
            // trace of the person removed: the profile link, words to or about them, and the stored
            // responses that repeated those words.
            const string anonymise =
                """
                UPDATE referrals SET profile_id = NULL, profile_erased_at = @now, version = version + 1, updated_at = @now
                 WHERE profile_id = @id AND ods_code = @odsCode;
                UPDATE endorsements SET note = NULL, withdrawal_reason = NULL WHERE referral_id IN @referrals;
                UPDATE referral_events SET reason = NULL
                 WHERE referral_id IN @referrals AND (reason IS NULL OR reason NOT IN @declineReasons);
                DELETE FROM idempotency_keys WHERE referral_id IN @referrals;
                DELETE FROM outcome_measures WHERE referral_id IN @referrals;
                DELETE FROM recommendation_sets WHERE profile_id = @id AND ods_code = @odsCode;
                """;
            await connection.ExecuteAsync(new CommandDefinition(anonymise, new { id, odsCode, now, referrals = IdText.Of(referrals), declineReasons = ReferralStatuses.DeclineReasons }, transaction, cancellationToken: cancellationToken));

            // Whether there was a profile to erase is the profile DELETE's own answer; when there
            // was none, the transaction is rolled back and nothing above is kept.
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM profiles WHERE id = @id AND ods_code = @odsCode", parameters, transaction, cancellationToken: cancellationToken));
            if (deleted == 0)
            {
                return false;
            }

            foreach (var referral in referrals)
            {
                await AuditTrail.AppendAsync(connection, transaction, referral, odsCode, "profile-erased",
                    ProfileRow.ErasureDetail, keyId, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);

            // The erased rows still sit in the write-ahead log until a checkpoint copies it into the
            // database (where secure_delete zeroes them) and truncates it. Best effort: a checkpoint
            // blocked by a long reader completes at the next one.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken: CancellationToken.None));
            return true;
        }, cancellationToken);
    }
}
