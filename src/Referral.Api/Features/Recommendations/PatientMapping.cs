using Referral.Domain.Geography;
using Referral.Domain.Personality;
using Referral.Domain.Profiles;
using Referral.Matching;

namespace Referral.Api.Features.Recommendations;

public static class PatientMapping
{
    /// <summary>What the engine needs of a stored profile, and nothing more (no NHS number, no reference).</summary>
    public static Patient ToPatient(this Profile profile, PostcodeDistricts districts)
    {
        var d = profile.Details;
        return new Patient
        {
            BirthYear = d.BirthYear,
            Location = districts.TryLocate(profile.PostcodeDistrict, out _, out var centroid) ? centroid : null,
            MaxTravelKm = d.MaxTravelKm,
            Gender = d.Gender,
            Conditions = d.Conditions,
            Communities = d.Communities,
            Languages = d.Languages,
            NeedsInterpreter = d.NeedsInterpreter,
            AccessibilityNeeds = d.AccessibilityNeeds,
            PreferredFormats = d.Formats.Preferred,
            AvoidFormats = d.Formats.Avoid,
            Availability = d.Availability,
            CostLimit = d.CostLimit,
            HasUsedPeerSupport = d.HasUsedPeerSupport,
            Personality = d.Personality?.Tipi is { } tipi ? Tipi.Score(tipi) : null,
            Loneliness = d.Personality?.Ucla3 is { } ucla ? Ucla3.Score(ucla) : null,
            FactorPriorities = d.FactorPriorities,
        };
    }
}
