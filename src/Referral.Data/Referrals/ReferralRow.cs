using Referral.Domain.Referrals;

namespace Referral.Data.Referrals;

/// <summary>A referrals row as every provider reads it; with its events and endorsement, a <see cref="ReferralRecord"/>.</summary>
internal sealed record ReferralRow
{
    public const string Columns =
        """
        id AS Id, ods_code AS OdsCode, profile_id AS ProfileId, service_id AS ServiceId, recommendation_id AS RecommendationId,
        route AS Route, source AS Source, status AS Status, version AS Version, cohort AS Cohort, age_band AS AgeBand,
        profile_erased_at AS ProfileErasedAt, created_at AS CreatedAt, updated_at AS UpdatedAt, record_sharing AS RecordSharing
        """;

    public const string EventColumns =
        "referral_id AS ReferralId, seq AS Seq, status AS Status, reason AS Reason, occurred_at AS OccurredAt, recorded_at AS RecordedAt";

    public const string EndorsementColumns =
        """
        referral_id AS ReferralId, clinician_name AS ClinicianName, clinician_role AS Role, registration_body AS RegistrationBody,
        registration_number AS RegistrationNumber, note AS Note, endorsed_at AS EndorsedAt, recorded_at AS RecordedAt,
        withdrawn_at AS WithdrawnAt, withdrawal_reason AS WithdrawalReason
        """;

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
    public string RecordSharing { get; init; } = "";

    /// <summary>The referrals found, in the order of <paramref name="found"/>.</summary>
    public static IReadOnlyList<ReferralRecord> Assemble(
        IReadOnlyList<Guid> found, Dictionary<Guid, ReferralRow> rows, ILookup<Guid, EventRow> events, Dictionary<Guid, EndorsementRow> endorsements) =>
        found.Select(id =>
        {
            var r = rows[id];
            return new ReferralRecord(
                r.Id, r.OdsCode, r.ProfileId, r.ServiceId, r.RecommendationId, r.Route, r.Source, r.Status, r.Version, r.Cohort, r.AgeBand,
                r.ProfileErasedAt, r.CreatedAt, r.UpdatedAt,
                endorsements.TryGetValue(id, out var e)
                    ? new Endorsement(e.ClinicianName, e.Role, e.RegistrationBody, e.RegistrationNumber, e.Note, e.EndorsedAt, e.RecordedAt, e.WithdrawnAt, e.WithdrawalReason)
                    : null,
                events[id].Select(x => new ReferralEvent(x.Seq, x.Status, x.Reason, x.OccurredAt, x.RecordedAt)).ToList())
            {
                RecordSharing = r.RecordSharing,
            };
        }).ToList();
}

internal sealed record PartiesRow
{
    public int? ProfileVersion { get; init; }
    public string? ServiceStatus { get; init; }
    public Guid? RecommendationProfileId { get; init; }

    public ReferralParties ToParties() => new(ProfileVersion, ServiceStatus, RecommendationProfileId);
}

internal sealed record EventRow
{
    public Guid ReferralId { get; init; }
    public int Seq { get; init; }
    public string Status { get; init; } = "";
    public string? Reason { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

internal sealed record EndorsementRow
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
