using System.Data.Common;
using Dapper;
using Referral.Domain.Referrals;

namespace Referral.Data.Referrals;

/// <summary>
/// The writes of a referral's history, endorsement and audit, in statements every provider runs
/// as they are, inside the caller's transaction (which has already read and locked the referral
/// in its own way).
/// </summary>
internal static class ReferralWrites
{
    /// <summary>Applies what the rules decided, with its audit row; the refusal instead when they refused.</summary>
    public static async Task<ReferralChange?> ApplyAsync(
        DbConnection connection, DbTransaction transaction, ReferralRecord referral, ReferralAmendment amendment, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = referral.Id;
        var odsCode = referral.OdsCode;
        switch (amendment)
        {
            case ReferralAmendment.Refuse refuse:
                return refuse.Outcome;
            case ReferralAmendment.Move move:
                await MoveAsync(connection, transaction, referral, move.Change, keyId, now, cancellationToken);
                break;
            case ReferralAmendment.Endorse endorse:
                await InsertEndorsementAsync(connection, transaction, id, odsCode, endorse.Endorsement, keyId, now, cancellationToken);
                break;
            case ReferralAmendment.WithdrawEndorsement withdrawal:
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE endorsements SET withdrawn_at = @now, withdrawal_reason = @Reason WHERE referral_id = @id",
                    new { now, withdrawal.Reason, id }, transaction, cancellationToken: cancellationToken));
                await AuditTrail.AppendAsync(connection, transaction, id, odsCode, "endorsement-withdrawn", new { }, keyId, now, cancellationToken);
                break;
            case ReferralAmendment.ShareWithRecord sharing:
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE referrals SET record_sharing = @RecordSharing WHERE id = @id",
                    new { sharing.RecordSharing, id }, transaction, cancellationToken: cancellationToken));
                await AuditTrail.AppendAsync(connection, transaction, id, odsCode, "record-sharing-changed",
                    new { from = referral.RecordSharing, to = sharing.RecordSharing }, keyId, now, cancellationToken);
                break;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE referrals SET version = version + 1, updated_at = @now WHERE id = @id", new { now, id }, transaction, cancellationToken: cancellationToken));
        return null;
    }

    public static async Task InsertEventAsync(
        DbConnection connection, DbTransaction transaction, Guid id, int seq, string status, string? reason, DateTimeOffset occurredAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO referral_events (referral_id, seq, status, reason, occurred_at, recorded_at) VALUES (@id, @seq, @status, @reason, @occurredAt, @now)",
            new { id, seq, status, reason, occurredAt, now }, transaction, cancellationToken: cancellationToken));

    public static async Task InsertEndorsementAsync(
        DbConnection connection, DbTransaction transaction, Guid id, string odsCode, EndorsementInput endorsement, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO endorsements (referral_id, clinician_name, clinician_role, registration_body, registration_number, note, endorsed_at, recorded_at)
            VALUES (@id, @ClinicianName, @Role, @Body, @Number, @Note, @EndorsedAt, @now)
            """,
            new { id, endorsement.ClinicianName, endorsement.Role, endorsement.Registration?.Body, endorsement.Registration?.Number, endorsement.Note, endorsement.EndorsedAt, now },
            transaction, cancellationToken: cancellationToken));
        await AuditTrail.AppendAsync(connection, transaction, id, odsCode, "endorsed", AuditTrail.Endorsement(endorsement), keyId, now, cancellationToken);
    }

    /// <summary>The new referral's first event and audit row, and its endorsement when it came with one.</summary>
    public static async Task CreatedAsync(DbConnection connection, DbTransaction transaction, NewReferral referral, Guid keyId, CancellationToken cancellationToken)
    {
        var now = referral.Now;
        await InsertEventAsync(connection, transaction, referral.Id, 1, ReferralStatuses.Proposed, null, now, now, cancellationToken);
        await AuditTrail.AppendAsync(connection, transaction, referral.Id, referral.OdsCode, "referral-created",
            new { referral.ServiceId, referral.RecommendationId, referral.Route, referral.Source, status = ReferralStatuses.Proposed, recordSharing = referral.RecordSharing }, keyId, now, cancellationToken);
        if (referral.Endorsement is { } endorsement)
        {
            await InsertEndorsementAsync(connection, transaction, referral.Id, referral.OdsCode, endorsement, keyId, now, cancellationToken);
        }
    }

    private static async Task MoveAsync(
        DbConnection connection, DbTransaction transaction, ReferralRecord referral, StatusChangeInput change, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE referrals SET status = @Status WHERE id = @Id", new { change.Status, referral.Id }, transaction, cancellationToken: cancellationToken));
        await InsertEventAsync(connection, transaction, referral.Id, referral.History[^1].Seq + 1, change.Status, change.Reason, change.OccurredAt, now, cancellationToken);
        await AuditTrail.AppendAsync(connection, transaction, referral.Id, referral.OdsCode, "status-changed", AuditTrail.StatusChange(referral, change), keyId, now, cancellationToken);
    }
}
