using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Referral.Api.OpenApi;
using Referral.Domain.Vocabulary;
using Referral.Domain.Factors;

namespace Referral.Api.Features.Profiles;

/// <summary>
/// A patient's preference profile as a GP practice system sends it (POST and PUT), with
/// consent. The attributes describe the contract; the rules are enforced by
/// <see cref="ProfileBodyValidator"/>. Only part of it is kept: see <see cref="ProfileMapping"/>.
/// </summary>
[SchemaName("ProfileInput")]
public sealed record ProfileBody
{
    [Required, MaxLength(64)]
    [Description("The practice's own reference for the patient, unique within the practice. Letters, digits and - _ . / only.")]
    public string PatientRef { get; init; } = string.Empty;

    [MaxLength(12)]
    [Description("Optional NHS number (10 digits with a valid Modulus 11 check digit; spaces allowed). Never returned in full.")]
    public string? NhsNumber { get; init; }

    [Required, Range(1900, 2100)]
    [Description("Year of birth: enough for age eligibility, no more. Not in the future, not over 120 years ago.")]
    public int BirthYear { get; init; }

    [Required, MaxLength(8)]
    [Description("The patient's postcode or postcode district. Only the district is stored.")]
    public string Postcode { get; init; } = string.Empty;

    [Range(1, 200)]
    [Description("How far the patient will travel to something in person, in km.")]
    public int MaxTravelKm { get; init; } = 10;

    [Description("Conditions the patient wants support with (vocabulary: conditions).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Conditions))]
    public IReadOnlyList<string> Conditions { get; init; } = [];

    [Description("Communities the patient identifies with (vocabulary: communities).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Communities))]
    public IReadOnlyList<string> Communities { get; init; } = [];

    [Description("Languages the patient speaks as ISO 639-1 codes, preferred first. English is assumed spoken unless needsInterpreter is true.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Languages))]
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    [Description("True when the patient needs support in one of their listed languages rather than English.")]
    public bool NeedsInterpreter { get; init; }

    [Description("Access needs (vocabulary: accessibilityFeatures).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.AccessibilityFeatures))]
    public IReadOnlyList<string> AccessibilityNeeds { get; init; } = [];

    public FormatPreferencesBody Formats { get; init; } = new();

    [Description("When the patient is free (vocabulary: scheduleSlots).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ScheduleSlots))]
    public IReadOnlyList<string> Availability { get; init; } = [];

    [Description("free, low-cost or any (the default).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.CostLimits))]
    public string CostLimit { get; init; } = "any";

    [Description("Has the patient used peer support before? true, false, or null when not known. Selects the cohort prior.")]
    public bool? HasUsedPeerSupport { get; init; }

    public PersonalityAnswersBody? Personality { get; init; }

    [Description("The patient's own priorities: decision factor codes, most important first. A partial ranking is allowed; no duplicates.")]
    [Vocabulary(typeof(DecisionFactors), nameof(DecisionFactors.Terms))]
    public IReadOnlyList<string>? FactorPriorities { get; init; }

    [Required]
    public ConsentBody Consent { get; init; } = null!;
}

[SchemaName("FormatPreferences")]
public sealed class FormatPreferencesBody
{
    [Description("Formats the patient would like (vocabulary: formats).")]
    [Vocabulary(typeof(Formats), nameof(Formats.Terms))]
    public IReadOnlyList<string> Preferred { get; init; } = [];

    [Description("Formats the patient will not use. Must not overlap preferred.")]
    [Vocabulary(typeof(Formats), nameof(Formats.Terms))]
    public IReadOnlyList<string> Avoid { get; init; } = [];
}

[SchemaName("PersonalityAnswers")]
public sealed class PersonalityAnswersBody
{
    [Description("Ten Item Personality Inventory: ten answers from 1 (disagree strongly) to 7 (agree strongly), in item order.")]
    public IReadOnlyList<int>? Tipi { get; init; }

    [Description("UCLA 3-item loneliness scale: three answers, 1 hardly ever, 2 some of the time, 3 often.")]
    public IReadOnlyList<int>? Ucla3 { get; init; }
}

[SchemaName("ConsentInput")]
public sealed class ConsentBody
{
    [Description("The patient agreed to this profile being stored. Must be true.")]
    public bool StoreProfile { get; init; }

    [Description("The patient agreed that the practice may pass their contact details to a service.")]
    public bool ShareWithProvider { get; init; }

    [Required, MaxLength(64)]
    [Description("Who recorded the consent: a staff identifier from the practice system, not a name.")]
    public string RecordedBy { get; init; } = string.Empty;

    [Required]
    [Description("When consent was recorded (not in the future).")]
    public DateTimeOffset RecordedAt { get; init; }
}
