using System.Text.Json.Serialization;

namespace Referral.Data.Profiles;

/// <summary>
/// The JSON kept in profiles.document. Every member name is pinned to what rows have held since
/// the first migration, in the same order, so renaming a property here, in the domain or in the
/// API changes nothing on disk. No SQL reaches into it: patient_ref is a column of its own.
/// </summary>
internal sealed record ProfileDocument
{
    [JsonPropertyName("patientRef")]
    public string PatientRef { get; init; } = string.Empty;

    /// <summary>
    /// Always null and cannot be set: the number lives in profiles.nhs_number, apart from the
    /// document. Still written, because every row so far carries this empty member, so a row
    /// written now is byte for byte what the same profile was written as before.
    /// </summary>
    [JsonPropertyName("nhsNumber")]
#pragma warning disable CA1822 // An instance member, so that the serializer writes it.
    public string? NhsNumber => null;
#pragma warning restore CA1822

    [JsonPropertyName("birthYear")]
    public int BirthYear { get; init; }

    /// <summary>The postcode district only.</summary>
    [JsonPropertyName("postcode")]
    public string Postcode { get; init; } = string.Empty;

    [JsonPropertyName("maxTravelKm")]
    public int MaxTravelKm { get; init; } = 10;

    [JsonPropertyName("conditions")]
    public IReadOnlyList<string> Conditions { get; init; } = [];

    [JsonPropertyName("communities")]
    public IReadOnlyList<string> Communities { get; init; } = [];

    [JsonPropertyName("languages")]
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    [JsonPropertyName("needsInterpreter")]
    public bool NeedsInterpreter { get; init; }

    [JsonPropertyName("accessibilityNeeds")]
    public IReadOnlyList<string> AccessibilityNeeds { get; init; } = [];

    [JsonPropertyName("formats")]
    public FormatPreferencesDocument Formats { get; init; } = new();

    [JsonPropertyName("availability")]
    public IReadOnlyList<string> Availability { get; init; } = [];

    [JsonPropertyName("costLimit")]
    public string CostLimit { get; init; } = "any";

    [JsonPropertyName("hasUsedPeerSupport")]
    public bool? HasUsedPeerSupport { get; init; }

    [JsonPropertyName("personality")]
    public PersonalityDocument? Personality { get; init; }

    [JsonPropertyName("factorPriorities")]
    public IReadOnlyList<string>? FactorPriorities { get; init; }

    [JsonPropertyName("consent")]
    public ConsentDocument Consent { get; init; } = new();

    // Added in engine 2.0.0, last so that rows stored before it keep their member order; left
    // out when not recorded, so such a row read and written back unchanged keeps its bytes.
    [JsonPropertyName("gender"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Gender { get; init; }
}

internal sealed record FormatPreferencesDocument
{
    [JsonPropertyName("preferred")]
    public IReadOnlyList<string> Preferred { get; init; } = [];

    [JsonPropertyName("avoid")]
    public IReadOnlyList<string> Avoid { get; init; } = [];
}

internal sealed record PersonalityDocument
{
    [JsonPropertyName("tipi")]
    public IReadOnlyList<int>? Tipi { get; init; }

    [JsonPropertyName("ucla3")]
    public IReadOnlyList<int>? Ucla3 { get; init; }
}

internal sealed record ConsentDocument
{
    [JsonPropertyName("storeProfile")]
    public bool StoreProfile { get; init; }

    [JsonPropertyName("shareWithProvider")]
    public bool ShareWithProvider { get; init; }

    [JsonPropertyName("recordedBy")]
    public string RecordedBy { get; init; } = string.Empty;

    [JsonPropertyName("recordedAt")]
    public DateTimeOffset RecordedAt { get; init; }
}
