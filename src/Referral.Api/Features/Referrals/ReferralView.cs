using System.ComponentModel;
using System.Text.Json;
using Referral.Domain.Referrals;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Referrals;

/// <summary>A referral with its endorsement and whole history, as the API returns it.</summary>
public sealed record ReferralView(
    Guid Id,
    int Version,
    [property: Description("Null once the patient's profile has been erased: the referral is then kept for statistics only.")] Guid? ProfileId,
    bool ProfileErased,
    Guid ServiceId,
    Guid? RecommendationId,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralHandoffs))] string Route,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralSources))] string Source,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralStatuses))] string Status,
    [property: Description("The statuses this referral may move to next; empty once it is closed.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralStatuses))] IReadOnlyList<string> AllowedNext,
    [property: Description("never-used, has-used or unknown, as recorded when the referral was made.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Cohorts))] string Cohort,
    [property: Description("The patient's ten-year age band when the referral was made.")] string AgeBand,
    EndorsementView? Endorsement,
    IReadOnlyList<ReferralEventView> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: Description("What may go back to the patient's GP record: full-summary or codes-only (no free text, names or notes).")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.RecordSharing))] string RecordSharing)
{
    public static ReferralView From(ReferralRecord r) => new(
        r.Id,
        r.Version,
        r.ProfileId,
        r.ProfileErasedAt is not null,
        r.ServiceId,
        r.RecommendationId,
        r.Route,
        r.Source,
        r.Status,
        ReferralStatuses.AllowedAfter(r.Status),
        r.Cohort,
        r.AgeBand,
        r.Endorsement is { } e
            ? new EndorsementView(
                e.ClinicianName,
                e.Role,
                e.RegistrationBody is null ? null : new RegistrationBody { Body = e.RegistrationBody, Number = e.RegistrationNumber ?? "" },
                e.Note,
                e.EndorsedAt,
                e.RecordedAt,
                e.WithdrawnAt is null ? null : new WithdrawalView(e.WithdrawnAt.Value, e.WithdrawalReason))
            : null,
        r.History.Select(h => new ReferralEventView(h.Status, h.Reason, h.OccurredAt, h.RecordedAt)).ToList(),
        r.CreatedAt,
        r.UpdatedAt,
        r.RecordSharing);
}

public sealed record EndorsementView(
    string ClinicianName,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ClinicianRoles))] string Role,
    RegistrationBody? Registration,
    string? Note,
    DateTimeOffset EndorsedAt,
    DateTimeOffset RecordedAt,
    [property: Description("Set when the endorsement was withdrawn; the endorsement itself is kept.")] WithdrawalView? Withdrawn);

public sealed record WithdrawalView(DateTimeOffset At, string? Reason);

public sealed record ReferralEventView([property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralStatuses))] string Status, string? Reason, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);

/// <summary>One page of the practice's referrals.</summary>
public sealed record ReferralPage(IReadOnlyList<ReferralView> Items, int Page, int PageSize, int Total);

/// <summary>One row of a referral's append-only audit trail.</summary>
public sealed record AuditEntryView(
    long Id,
    [property: Description("referral-created, endorsed, endorsement-withdrawn, status-changed or profile-erased.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.AuditActions))] string Action,
    [property: Description("What changed, without personal data.")] JsonElement Detail,
    [property: Description("The API key that made the change.")] Guid? KeyId,
    DateTimeOffset At)
{
    public static AuditEntryView From(AuditEntry entry) =>
        new(entry.Id, entry.Action, JsonElement.Parse(entry.Detail), entry.KeyId, entry.At);
}
