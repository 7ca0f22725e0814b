namespace Referral.Domain.Referrals;

/// <summary>A referral with its endorsement and whole history, as stored.</summary>
public sealed record ReferralRecord(
    Guid Id,
    string OdsCode,
    Guid? ProfileId,
    Guid ServiceId,
    Guid? RecommendationId,
    string Route,
    string Source,
    string Status,
    int Version,
    string Cohort,
    string AgeBand,
    DateTimeOffset? ProfileErasedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Endorsement? Endorsement,
    IReadOnlyList<ReferralEvent> History)
{
    /// <summary>What may go back to the GP record (GpRecord.RecordSharing).</summary>
    public string RecordSharing { get; init; } = GpRecord.RecordSharing.Default;
}

public sealed record Endorsement(
    string ClinicianName,
    string Role,
    string? RegistrationBody,
    string? RegistrationNumber,
    string? Note,
    DateTimeOffset EndorsedAt,
    DateTimeOffset RecordedAt,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason);

public sealed record ReferralEvent(int Seq, string Status, string? Reason, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);

/// <summary>One row of the append-only audit trail. Detail is JSON without personal data.</summary>
public sealed record AuditEntry(long Id, string Action, string Detail, Guid? KeyId, DateTimeOffset At);

/// <summary>Ten-year age bands: enough to ask "for whom", too coarse to identify anyone.</summary>
public static class AgeBands
{
    public static string For(int birthYear, int year)
    {
        var age = year - birthYear;
        if (age < 18)
        {
            return "under-18";
        }

        if (age >= 80)
        {
            return "80-plus";
        }

        var lower = age < 20 ? 18 : age / 10 * 10;
        var upper = age < 20 ? 19 : lower + 9;
        return $"{lower}-{upper}";
    }
}
