using Referral.Domain.Profiles;

namespace Referral.Data.Profiles;

/// <summary>
/// A profile's details to and from their stored document, member by member: a property added to
/// one side does not reach the disk until it is mapped here (and pinned there).
/// </summary>
internal static class ProfileDocumentMapper
{
    public static ProfileDocument ToDocument(ProfileInput details) => new()
    {
        PatientRef = details.PatientRef,
        BirthYear = details.BirthYear,
        Postcode = details.Postcode,
        MaxTravelKm = details.MaxTravelKm,
        Conditions = details.Conditions,
        Communities = details.Communities,
        Languages = details.Languages,
        NeedsInterpreter = details.NeedsInterpreter,
        AccessibilityNeeds = details.AccessibilityNeeds,
        Formats = new FormatPreferencesDocument { Preferred = details.Formats.Preferred, Avoid = details.Formats.Avoid },
        Availability = details.Availability,
        CostLimit = details.CostLimit,
        HasUsedPeerSupport = details.HasUsedPeerSupport,
        Personality = details.Personality is { } answers ? new PersonalityDocument { Tipi = answers.Tipi, Ucla3 = answers.Ucla3 } : null,
        FactorPriorities = details.FactorPriorities,
        Consent = new ConsentDocument
        {
            StoreProfile = details.Consent.StoreProfile,
            ShareWithProvider = details.Consent.ShareWithProvider,
            RecordedBy = details.Consent.RecordedBy,
            RecordedAt = details.Consent.RecordedAt,
        },
    };

    public static ProfileInput ToDomain(ProfileDocument document) => new()
    {
        PatientRef = document.PatientRef,
        BirthYear = document.BirthYear,
        Postcode = document.Postcode,
        MaxTravelKm = document.MaxTravelKm,
        Conditions = document.Conditions,
        Communities = document.Communities,
        Languages = document.Languages,
        NeedsInterpreter = document.NeedsInterpreter,
        AccessibilityNeeds = document.AccessibilityNeeds,
        Formats = new FormatPreferences { Preferred = document.Formats.Preferred, Avoid = document.Formats.Avoid },
        Availability = document.Availability,
        CostLimit = document.CostLimit,
        HasUsedPeerSupport = document.HasUsedPeerSupport,
        Personality = document.Personality is { } answers ? new PersonalityAnswers { Tipi = answers.Tipi, Ucla3 = answers.Ucla3 } : null,
        FactorPriorities = document.FactorPriorities,
        Consent = new ConsentInput
        {
            StoreProfile = document.Consent.StoreProfile,
            ShareWithProvider = document.Consent.ShareWithProvider,
            RecordedBy = document.Consent.RecordedBy,
            RecordedAt = document.Consent.RecordedAt,
        },
    };
}
