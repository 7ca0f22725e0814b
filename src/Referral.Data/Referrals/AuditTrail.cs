using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;

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
            "INSERT INTO audit_events (referral_id, ods_code, action, detail, key_id, at) VALUES (@referralId, @odsCode, @action, @detail, @keyId, @now)",
            new { referralId, odsCode, action, detail = JsonSerializer.Serialize(detail, DetailJson), keyId, now }, transaction, cancellationToken: cancellationToken));
}
