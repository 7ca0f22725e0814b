using System.ComponentModel;
using System.Text.Json.Serialization;
using Referral.Api.OpenApi;
using Referral.Domain.Directory;
using Referral.Domain.GpRecord;
using Referral.Domain.Outcomes;
using Referral.Domain.Profiles;
using Referral.Domain.Referrals;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.GpRecord;

/// <summary>
/// A referral as it may go back to the GP record: built once, here, with the patient's choice
/// applied, and rendered from as JSON, PDF and FHIR alike, so no output can show more than the
/// choice allows. With codes-only, every member that could hold free text or a person's or a
/// service's name is null.
/// </summary>
[SchemaName("ClosureSummary")]
public sealed record SharedReferral(
    Guid ReferralId,
    [property: Description("The ODS code of the referring practice.")] string Practice,
    [property: Description("What the patient agreed may go back to the GP record; everything below follows it.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.RecordSharing))] string RecordSharing,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralStatuses))] string Status,
    [property: Description("When the referral ended (its last event); null while it is open.")] DateTimeOffset? ClosedAt,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralHandoffs))] string Route,
    [property: Description("Who made the referral.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralSources))] string Source,
    DateTimeOffset CreatedAt,
    [property: Description("When the referral last changed.")] DateTimeOffset UpdatedAt,
    SharedPatient Patient,
    SharedService Service,
    SharedEndorsement? Endorsement,
    [property: Description("Every status with its date, oldest first.")] IReadOnlyList<SharedEvent> History,
    [property: Description("The decline reason code, when the patient declined.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.DeclineReasons))] string? DeclineReason,
    [property: Description("The SNOMED CT codes to file, as GET /v1/referrals/{id}/codes lists them.")] IReadOnlyList<CodedEventView> Codes,
    [property: Description("ONS4 (and at follow-up UCLA-3) measures, oldest first, with recordSharing full-summary; null with codes-only.")] IReadOnlyList<SharedOutcome>? Outcomes)
{
    [JsonIgnore]
    public bool IsClosed => ClosedAt is not null;

    public static SharedReferral From(ReferralRecord referral, Profile? profile, Service? service, IReadOnlyList<OutcomeRecord> outcomes)
    {
        var full = Domain.GpRecord.RecordSharing.SharesFullSummary(referral.RecordSharing);
        var erased = referral.ProfileErasedAt is not null || profile is null;
        var closed = !ReferralStatuses.IsOpen(referral.Status);
        var declined = referral.History.LastOrDefault(e => e.Status == ReferralStatuses.Declined);
        return new SharedReferral(
            referral.Id,
            referral.OdsCode,
            referral.RecordSharing,
            referral.Status,
            closed ? referral.History[^1].OccurredAt : null,
            referral.Route,
            referral.Source,
            referral.CreatedAt,
            referral.UpdatedAt,
            // Identifiers go back whatever the choice: a code cannot be filed without the patient it belongs to.
            new SharedPatient(erased ? null : profile!.NhsNumber, erased ? null : profile!.Details.PatientRef, erased),
            new SharedService(referral.ServiceId, service?.Formats ?? [], full ? service?.Name : null, full ? service?.Organisation.Name : null),
            referral.Endorsement is { } e
                ? new SharedEndorsement(
                    e.Role,
                    e.RegistrationBody,
                    e.EndorsedAt,
                    e.WithdrawnAt,
                    full ? e.ClinicianName : null,
                    full ? e.RegistrationNumber : null,
                    full ? e.Note : null,
                    full ? e.WithdrawalReason : null)
                : null,
            referral.History.Select(h => SharedEvent.From(h, full)).ToList(),
            declined?.Reason is { } reason && ReferralStatuses.DeclineReasons.Contains(reason) ? reason : null,
            CodedEvents.Of(referral),
            full ? outcomes.Select(SharedOutcome.From).ToList() : null);
    }
}

/// <summary>Who was referred: the identifiers a practice system files against, never more.</summary>
public sealed record SharedPatient(
    [property: Description("The patient's NHS number (ten digits), when the profile has one. Sent in full: the GP record is filed against it.")] string? NhsNumber,
    [property: Description("The practice's own reference for the patient.")] string? PatientRef,
    [property: Description("True once the profile was erased: the referral is then kept for statistics only, with no patient identifiers.")] bool ProfileErased);

/// <summary>The service referred to.</summary>
public sealed record SharedService(
    Guid Id,
    [property: Description("How the service is delivered.")] [property: Vocabulary(typeof(Domain.Vocabulary.Formats), nameof(Domain.Vocabulary.Formats.Terms))] IReadOnlyList<string> Formats,
    [property: Description("The service's name; null with codes-only (a name can say what the patient is being supported with).")] string? Name,
    [property: Description("The organisation running it; null with codes-only.")] string? Organisation);

/// <summary>The clinician's endorsement; names, registration number and words only with full-summary.</summary>
public sealed record SharedEndorsement(
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ClinicianRoles))] string Role,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.RegistrationBodies))] string? RegistrationBody,
    DateTimeOffset EndorsedAt,
    [property: Description("When the endorsement was withdrawn, if it was.")] DateTimeOffset? WithdrawnAt,
    [property: Description("Null with codes-only.")] string? ClinicianName,
    [property: Description("Null with codes-only.")] string? RegistrationNumber,
    [property: Description("The clinician's words to the patient; null with codes-only.")] string? Note,
    [property: Description("Why it was withdrawn; null with codes-only.")] string? WithdrawalReason);

/// <summary>One status of the referral's history.</summary>
public sealed record SharedEvent(
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralStatuses))] string Status,
    DateTimeOffset OccurredAt,
    [property: Description("A decline's reason code.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.DeclineReasons))] string? ReasonCode,
    [property: Description("The practice's note on the change; null with codes-only.")] string? Note)
{
    public static SharedEvent From(ReferralEvent e, bool full)
    {
        var code = e.Reason is { } reason && e.Status == ReferralStatuses.Declined && ReferralStatuses.DeclineReasons.Contains(reason) ? reason : null;
        return new SharedEvent(e.Status, e.OccurredAt, code, full && code is null ? e.Reason : null);
    }
}

/// <summary>One set of outcome measures as it goes back to the GP record.</summary>
public sealed record SharedOutcome(
    [property: Description("baseline or follow-up.")] string Timepoint,
    DateTimeOffset MeasuredAt,
    [property: Description("Days from the referral (baseline) or the start of the support (follow-up).")] int IntervalDays,
    [property: Description("ONS4: life satisfaction, 0-10.")] int LifeSatisfaction,
    [property: Description("ONS4: worthwhile, 0-10.")] int Worthwhile,
    [property: Description("ONS4: happiness yesterday, 0-10.")] int Happiness,
    [property: Description("ONS4: anxiety yesterday, 0-10 (lower is better).")] int Anxiety,
    [property: Description("UCLA-3 sum, 3-9 (follow-up only).")] int? Ucla3Sum)
{
    public static SharedOutcome From(OutcomeRecord o) =>
        new(o.Timepoint, o.MeasuredAt, o.IntervalDays, o.Ons4.LifeSatisfaction, o.Ons4.Worthwhile, o.Ons4.Happiness, o.Ons4.Anxiety, o.Ucla3?.Sum());
}
