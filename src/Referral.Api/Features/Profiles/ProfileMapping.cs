using Referral.Domain.Identifiers;
using Referral.Domain.Profiles;

namespace Referral.Api.Features.Profiles;

/// <summary>
/// The wire's profile to and from the domain's, member by member. Going in is also where a
/// profile is minimised: the domain only ever sees the postcode's district, and the NHS number
/// travels apart from the details (see <see cref="Profile"/>).
/// </summary>
public static class ProfileMapping
{
    /// <summary>The normalised NHS number, or null: kept in a column of its own, never in the details.</summary>
    public static string? NhsNumberOf(ProfileBody body) => NhsNumber.Normalise(body.NhsNumber);

    /// <summary>True for the masked form GET returns ("*** *** 5552"), which stands for the stored number.</summary>
    public static bool IsMasked(string? nhsNumber) =>
        nhsNumber is { Length: 12 } masked && masked.StartsWith("*** *** ", StringComparison.Ordinal) && masked[8..].All(char.IsAsciiDigit);

    /// <summary>
    /// The number to store for a replacement: the one sent, or, for the masked form, the stored
    /// one, so a GET body sent back never overwrites the number with its mask. Null when the mask
    /// does not match what is stored.
    /// </summary>
    public static bool TryKeep(ProfileBody body, string? stored, out string? nhsNumber)
    {
        if (!IsMasked(body.NhsNumber))
        {
            nhsNumber = NhsNumberOf(body);
            return true;
        }

        nhsNumber = stored;
        return stored is not null && NhsNumber.Mask(stored) == body.NhsNumber;
    }

    /// <summary>What is kept of the body: everything but the NHS number, with the postcode as its district.</summary>
    public static ProfileInput ToDetails(this ProfileBody body) => new()
    {
        PatientRef = body.PatientRef,
        BirthYear = body.BirthYear,
        Postcode = Postcode.DistrictOf(body.Postcode)!,
        MaxTravelKm = body.MaxTravelKm,
        Gender = body.Gender,
        Conditions = body.Conditions,
        Communities = body.Communities,
        Languages = body.Languages,
        NeedsInterpreter = body.NeedsInterpreter,
        AccessibilityNeeds = body.AccessibilityNeeds,
        Formats = new FormatPreferences { Preferred = body.Formats.Preferred, Avoid = body.Formats.Avoid },
        Availability = body.Availability,
        CostLimit = body.CostLimit,
        HasUsedPeerSupport = body.HasUsedPeerSupport,
        Personality = body.Personality is { } answers ? new PersonalityAnswers { Tipi = answers.Tipi, Ucla3 = answers.Ucla3 } : null,
        FactorPriorities = body.FactorPriorities,
        Consent = new ConsentInput
        {
            StoreProfile = body.Consent.StoreProfile,
            ShareWithProvider = body.Consent.ShareWithProvider,
            RecordedBy = body.Consent.RecordedBy,
            RecordedAt = body.Consent.RecordedAt,
        },
    };

    public static FormatPreferencesBody ToBody(this FormatPreferences formats) =>
        new() { Preferred = formats.Preferred, Avoid = formats.Avoid };

    public static ConsentBody ToBody(this ConsentInput consent) => new()
    {
        StoreProfile = consent.StoreProfile,
        ShareWithProvider = consent.ShareWithProvider,
        RecordedBy = consent.RecordedBy,
        RecordedAt = consent.RecordedAt,
    };
}
