namespace Referral.Domain.Profiles;

/// <summary>
/// A patient's preferences as a GP practice recorded them, with consent, reduced to what
/// matching needs: a birth year rather than a date of birth, a postcode district rather than an
/// address. The NHS number is not part of it: <see cref="Profile"/> keeps it apart.
/// </summary>
public sealed record ProfileInput
{
    /// <summary>The practice's own reference for the patient, unique within the practice.</summary>
    public string PatientRef { get; init; } = string.Empty;

    public int BirthYear { get; init; }

    /// <summary>The postcode district (never the full postcode).</summary>
    public string Postcode { get; init; } = string.Empty;

    /// <summary>How far the patient will travel to something in person, in km.</summary>
    public int MaxTravelKm { get; init; } = 10;

    /// <summary>
    /// A code of Vocabularies.Genders, recorded only if the patient chooses to give it; null when
    /// not recorded. Used only to keep women-only and men-only services to those they are for.
    /// </summary>
    public string? Gender { get; init; }

    public IReadOnlyList<string> Conditions { get; init; } = [];

    public IReadOnlyList<string> Communities { get; init; } = [];

    /// <summary>ISO 639-1 codes, preferred first.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    /// <summary>True when the patient needs support in one of their languages rather than English.</summary>
    public bool NeedsInterpreter { get; init; }

    public IReadOnlyList<string> AccessibilityNeeds { get; init; } = [];

    public FormatPreferences Formats { get; init; } = new();

    public IReadOnlyList<string> Availability { get; init; } = [];

    public string CostLimit { get; init; } = "any";

    /// <summary>Null when not known; selects the cohort prior.</summary>
    public bool? HasUsedPeerSupport { get; init; }

    public PersonalityAnswers? Personality { get; init; }

    /// <summary>Decision factor codes, most important first; a partial ranking.</summary>
    public IReadOnlyList<string>? FactorPriorities { get; init; }

    public ConsentInput Consent { get; init; } = null!;
}

public sealed class FormatPreferences
{
    public IReadOnlyList<string> Preferred { get; init; } = [];

    public IReadOnlyList<string> Avoid { get; init; } = [];
}

public sealed class PersonalityAnswers
{
    /// <summary>Ten Item Personality Inventory answers, 1-7, in item order.</summary>
    public IReadOnlyList<int>? Tipi { get; init; }

    /// <summary>UCLA 3-item loneliness scale answers, 1-3.</summary>
    public IReadOnlyList<int>? Ucla3 { get; init; }
}

public sealed class ConsentInput
{
    public bool StoreProfile { get; init; }

    public bool ShareWithProvider { get; init; }

    /// <summary>A staff identifier from the practice system, not a name.</summary>
    public string RecordedBy { get; init; } = string.Empty;

    public DateTimeOffset RecordedAt { get; init; }
}
