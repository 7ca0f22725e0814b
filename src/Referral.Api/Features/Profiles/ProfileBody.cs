using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Referral.Api.OpenApi;
using Referral.Domain.Vocabulary;
using Referral.Domain.Factors;
using Referral.Api.Validation;
using Referral.Domain.Personality;

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
    [RegularExpression("^[A-Za-z0-9._/-]+$", ErrorMessage = "'{0}' may contain only letters, digits and . _ / -")]
    [Description("The practice's own reference for the patient, unique within the practice. Letters, digits and - _ . / only.")]
    public string PatientRef { get; init; } = string.Empty;

    [MaxLength(12)]
    [Description("Optional NHS number (10 digits with a valid Modulus 11 check digit; spaces allowed). Never returned in full. On PUT, the masked form GET returns (\"*** *** 5552\") keeps the stored number, provided its last four digits match; leave it out to remove the number.")]
    public string? NhsNumber { get; init; }

    // No [Range]: the bounds move with the clock, so fixed ones in the contract would be false.
    [Required]
    [Description("Year of birth: enough for age eligibility, no more. From the current year minus 120 to the current year (UTC), checked when the request arrives.")]
    public int BirthYear { get; init; }

    [Required, MaxLength(8)]
    [Description("The patient's postcode or postcode district. Only the district is stored.")]
    public string Postcode { get; init; } = string.Empty;

    [Range(1, 200)]
    [DefaultValue(DefaultMaxTravelKm)]
    [Description("How far the patient will travel to something in person, in km.")]
    public int MaxTravelKm { get; init; } = DefaultMaxTravelKm;

    [Description("Optional, and recorded only if the patient chooses to give it: their sex or gender (vocabulary: genders). Used only to keep women-only and men-only services to those they are for; left out, every such service stays open to the patient.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Genders))]
    public string? Gender { get; init; }

    [Description("Conditions the patient wants support with (vocabulary: conditions).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Conditions))]
    public IReadOnlyList<string> Conditions { get; init; } = [];

    [Description("Communities the patient identifies with (vocabulary: communities).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Communities))]
    public IReadOnlyList<string> Communities { get; init; } = [];

    [MinLength(1)]
    [DefaultValue(new[] { DefaultLanguage })]
    [Description("Languages the patient speaks as ISO 639-1 codes, preferred first. English is assumed spoken unless needsInterpreter is true.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Languages))]
    public IReadOnlyList<string> Languages { get; init; } = [DefaultLanguage];

    [Description("True when the patient needs support in one of their listed languages rather than English.")]
    public bool NeedsInterpreter { get; init; }

    [Description("Access needs (vocabulary: accessibilityFeatures).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.AccessibilityFeatures))]
    public IReadOnlyList<string> AccessibilityNeeds { get; init; } = [];

    public FormatPreferencesBody Formats { get; init; } = new();

    [Description("When the patient is free (vocabulary: scheduleSlots).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ScheduleSlots))]
    public IReadOnlyList<string> Availability { get; init; } = [];

    [DefaultValue(DefaultCostLimit)]
    [Description("free, low-cost or any (the default).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.CostLimits))]
    public string CostLimit { get; init; } = DefaultCostLimit;

    [Description("Has the patient used peer support before? true, false, or null when not known. Selects the cohort prior.")]
    public bool? HasUsedPeerSupport { get; init; }

    public PersonalityAnswersBody? Personality { get; init; }

    [Description("The patient's own priorities: decision factor codes, most important first. A partial ranking is allowed; no duplicates.")]
    [Vocabulary(typeof(DecisionFactors), nameof(DecisionFactors.Terms))]
    public IReadOnlyList<string>? FactorPriorities { get; init; }

    [Required]
    public ConsentBody Consent { get; init; } = null!;

    // What GET adds, accepted and ignored so that a profile read with GET can be sent back with
    // PUT unchanged (postcode comes back as the stored district, which is a valid postcode value).
    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Set by the API; ignored when sent.")]
    public Guid? Id { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Set by the API; ignored when sent (If-Match carries the version a change is based on).")]
    public int? Version { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Derived from postcode; ignored when sent.")]
    public string? PostcodeDistrict { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Derived from hasUsedPeerSupport and factorPriorities; ignored when sent.")]
    public WeightsView? Weights { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Set by the API; ignored when sent.")]
    public DateTimeOffset? CreatedAt { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Set by the API; ignored when sent.")]
    public DateTimeOffset? UpdatedAt { get; init; }

    public const int DefaultMaxTravelKm = 10;
    public const string DefaultLanguage = "en";
    public const string DefaultCostLimit = "any";
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
    [MinLength(Domain.Personality.Tipi.Items), MaxLength(Domain.Personality.Tipi.Items)]
    [EachItem(Minimum = Domain.Personality.Tipi.Min, Maximum = Domain.Personality.Tipi.Max)]
    [Description("Ten Item Personality Inventory: ten answers from 1 (disagree strongly) to 7 (agree strongly), in item order.")]
    public IReadOnlyList<int>? Tipi { get; init; }

    [MinLength(Domain.Personality.Ucla3.Items), MaxLength(Domain.Personality.Ucla3.Items)]
    [EachItem(Minimum = Domain.Personality.Ucla3.Min, Maximum = Domain.Personality.Ucla3.Max)]
    [Description("UCLA 3-item loneliness scale: three answers, 1 hardly ever, 2 some of the time, 3 often.")]
    public IReadOnlyList<int>? Ucla3 { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Derived from tipi; ignored when sent.")]
    public TipiTraits? Traits { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Derived from ucla3; ignored when sent.")]
    public LonelinessScore? Loneliness { get; init; }
}

[SchemaName("ConsentInput")]
public sealed class ConsentBody
{
    [Required, MustBeTrue]
    [Description("The patient agreed to this profile being stored. Must be true: a profile without this consent is refused with 422.")]
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
