using Referral.Domain.Geography;
using Referral.Domain.Personality;

namespace Referral.Matching;

/// <summary>
/// What the engine needs to know about one patient, built by the API from a stored profile.
/// Codes are those of the Referral.Domain vocabularies; a code the engine does not know matches
/// nothing.
/// </summary>
public sealed record Patient
{
    /// <summary>Age for eligibility is the match date's year minus this.</summary>
    public required int BirthYear { get; init; }

    /// <summary>Centroid of the patient's postcode district; null when the district is not known.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>How far the patient will travel to something in person, in km (at least 1).</summary>
    public int MaxTravelKm { get; init; } = 10;

    /// <summary>A code of Vocabularies.Genders, or null when the patient chose not to record it: only women-only and men-only services read it.</summary>
    public string? Gender { get; init; }

    public IReadOnlyList<string> Conditions { get; init; } = [];

    public IReadOnlyList<string> Communities { get; init; } = [];

    /// <summary>ISO 639-1 codes, preferred first. English is assumed spoken unless <see cref="NeedsInterpreter"/>.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    public bool NeedsInterpreter { get; init; }

    public IReadOnlyList<string> AccessibilityNeeds { get; init; } = [];

    public IReadOnlyList<string> PreferredFormats { get; init; } = [];

    public IReadOnlyList<string> AvoidFormats { get; init; } = [];

    /// <summary>Schedule slots when the patient is free; empty when not stated.</summary>
    public IReadOnlyList<string> Availability { get; init; } = [];

    /// <summary>free, low-cost or any.</summary>
    public string CostLimit { get; init; } = "any";

    /// <summary>Selects the cohort prior: true has used, false never used, null not known.</summary>
    public bool? HasUsedPeerSupport { get; init; }

    public TipiTraits? Personality { get; init; }

    public LonelinessScore? Loneliness { get; init; }

    /// <summary>The patient's own ranking of decision factor codes, most important first; may be partial.</summary>
    public IReadOnlyList<string>? FactorPriorities { get; init; }
}
