using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Npgsql;

namespace Referral.Data.Referrals;

/// <summary>
/// Appends to a referral's audit trail, inside the caller's transaction, so a change and its
/// audit row are stored together or not at all. Shared by every repository whose writes touch
/// referrals (a referral's own changes, a profile's erasure); the table refuses updates and
/// deletes, so appending is all there is.
/// </summary>
internal static class AuditTrail
{
    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <param name="detail">What changed, never names, notes or free text: the trail outlives erasure.</param>
    public static async Task AppendAsync(
        DbConnection connection, DbTransaction transaction, Guid referralId, string odsCode, string action, object detail, Guid? keyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            // PostgreSQL keeps the detail as json, which a text parameter must be cast to; SQLite checks it with json_valid.
            connection is NpgsqlConnection
                ? "INSERT INTO audit_events (referral_id, ods_code, action, detail, key_id, at) VALUES (@referralId, @odsCode, @action, @detail::json, @keyId, @now)"
                : "INSERT INTO audit_events (referral_id, ods_code, action, detail, key_id, at) VALUES (@referralId, @odsCode, @action, @detail, @keyId, @now)",
            new { referralId, odsCode, action, detail = JsonSerializer.Serialize(detail, DetailJson), keyId, now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Only a decline's reason code reaches the audit: any other reason is free text, and the audit outlives erasure.</summary>
    public static object StatusChange(Domain.Referrals.ReferralRecord referral, Domain.Referrals.StatusChangeInput change) =>
        new { from = referral.Status, to = change.Status, reason = Domain.Referrals.ReferralStatuses.DeclineReasons.Contains(change.Reason) ? change.Reason : null };

    /// <summary>The clinician's name and note stay out of the audit: it is append-only, and outlives erasure.</summary>
    public static object Endorsement(Domain.Referrals.EndorsementInput endorsement) =>
        new { role = endorsement.Role, registrationBody = endorsement.Registration?.Body };
}
