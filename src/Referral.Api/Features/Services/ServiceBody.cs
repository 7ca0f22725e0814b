using Referral.Domain.Directory;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Referral.Api.OpenApi;
using Referral.Domain.Vocabulary;
using Referral.Api.Validation;

namespace Referral.Api.Features.Services;

/// <summary>
/// A peer support service as a directory administrator sends it (POST and PUT). Codes come from
/// the vocabularies at GET /v1/vocabularies. The attributes describe the contract; the rules are
/// enforced by <see cref="ServiceBodyValidator"/>, which reports every broken rule at once.
/// </summary>
[SchemaName("ServiceInput")]
public record ServiceBody
{
    [Required, MaxLength(120)]
    [Description("The name people know the service by.")]
    public string Name { get; init; } = string.Empty;

    [Required, MaxLength(2000)]
    [Description("What happens at the service and who it is for, in plain words.")]
    [DataType(DataType.MultilineText)]
    public string Description { get; init; } = string.Empty;

    [Required]
    public OrganisationBody Organisation { get; init; } = null!;

    [Description("Conditions the service supports (vocabulary: conditions). Empty for a service open to anyone.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Conditions))]
    public IReadOnlyList<string> Conditions { get; init; } = [];

    [Description("Communities the service is run by and for (vocabulary: communities).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Communities))]
    public IReadOnlyList<string> Communities { get; init; } = [];

    [Required, MinLength(1)]
    [Description("How support is delivered (vocabulary: formats). At least one.")]
    [Vocabulary(typeof(Domain.Vocabulary.Formats), nameof(Domain.Vocabulary.Formats.Terms))]
    public IReadOnlyList<string> Formats { get; init; } = [];

    [MaxLength(8)]
    [Description("Full UK postcode of the venue. Required when an in-person format is offered; absent for online-only services.")]
    public string? VenuePostcode { get; init; }

    [Required]
    public ServiceAreaBody ServiceArea { get; init; } = null!;

    [Description("When the service runs (vocabulary: scheduleSlots). Asynchronous formats may leave it empty.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ScheduleSlots))]
    public IReadOnlyList<string> Schedule { get; init; } = [];

    [Required, MinLength(1)]
    [Description("Languages the service is offered in, as ISO 639-1 codes. At least one.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Languages))]
    public IReadOnlyList<string> Languages { get; init; } = [];

    [Description("Accessibility features of the venue or platform (vocabulary: accessibilityFeatures).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.AccessibilityFeatures))]
    public IReadOnlyList<string> Accessibility { get; init; } = [];

    [Required]
    [Description("free, low-cost or paid.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Costs))]
    public string Cost { get; init; } = string.Empty;

    public EligibilityBody Eligibility { get; init; } = new();

    [Required]
    public CapacityBody Capacity { get; init; } = null!;

    [Required]
    public QualityBody Quality { get; init; } = null!;

    [Required, MinLength(1)]
    [Description("How people can be referred: self, gp, link-worker. At least one.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralRoutes))]
    public IReadOnlyList<string> ReferralRoutes { get; init; } = [];

    [Required]
    public ContactBody Contact { get; init; } = null!;

    [DefaultValue(DefaultStatus)]
    [Description("active (the default), paused or closed.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ServiceStatuses))]
    public string Status { get; init; } = DefaultStatus;

    [Required]
    [Description("The date the directory last checked this entry (not in the future).")]
    public DateOnly LastReviewed { get; init; }

    // The directory's own fields, as GET returns them. They are accepted and ignored here so that
    // a service read with GET can be sent back with PUT unchanged; the view declares them again,
    // required, with the values the directory holds.
    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Set by the directory; ignored when sent.")]
    public Guid? Id { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Set by the directory; ignored when sent (If-Match carries the version a change is based on).")]
    public int? Version { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Derived from venuePostcode; ignored when sent.")]
    public string? VenueDistrict { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Set by the directory; ignored when sent.")]
    public DateTimeOffset? CreatedAt { get; init; }

    [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Set by the directory; ignored when sent.")]
    public DateTimeOffset? UpdatedAt { get; init; }

    public const string DefaultStatus = ServiceStatuses.Active;
}

[SchemaName("Organisation")]
public sealed class OrganisationBody
{
    [Required, MaxLength(120)]
    public string Name { get; init; } = string.Empty;

    [MaxLength(9)]
    [RegularExpression("^([0-9]{6,8}|SC[0-9]{6}|NIC[0-9]{6})$", ErrorMessage = "'{0}' must be a Charity Commission (6-8 digits), OSCR (SC + 6 digits) or CCNI (NIC + 6 digits) number.")]
    [Description("Charity Commission for England and Wales (6-8 digits), OSCR (SC + 6 digits) or Charity Commission for Northern Ireland (NIC + 6 digits) number.")]
    public string? CharityNumber { get; init; }

    [MaxLength(200)]
    [Description("An absolute https URL.")]
    public string? Website { get; init; }
}

[SchemaName("ServiceArea")]
public sealed class ServiceAreaBody
{
    [Description("True when anyone in the UK can use the service (typically online or by phone).")]
    public bool National { get; init; }

    [Range(1, 500)]
    [Description("How far from the venue the service takes people, in km. Required unless national.")]
    public int? RadiusKm { get; init; }

    [Range(1, 500)]
    [Description("Optional: how far from the venue the service's remote formats (online, phone, messages) are offered, in km, for a local service whose online sessions are for its own area. Absent: its remote formats are open to anyone, wherever they live. Needs a venuePostcode; not for a national service.")]
    public int? RemoteRadiusKm { get; init; }
}

[SchemaName("Eligibility")]
public sealed class EligibilityBody
{
    [Range(0, 120)]
    public int? MinAge { get; init; }

    [Range(0, 120)]
    public int? MaxAge { get; init; }

    [Description("Optional: who the service is open to by sex or gender, as the service defines it: anyone (the same as leaving it out), women or men (vocabulary: genderEligibility).")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.GenderEligibility))]
    public string? Gender { get; init; }
}

[SchemaName("Capacity")]
public sealed class CapacityBody
{
    [Required]
    [Description("open, waitlist or full.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.CapacityStatuses))]
    public string Status { get; init; } = string.Empty;

    [Range(1, 104)]
    [Description("Expected wait in weeks; required when the status is waitlist.")]
    public int? WaitWeeks { get; init; }
}

[SchemaName("Quality")]
public sealed class QualityBody
{
    public bool TrainedFacilitators { get; init; }

    public bool SafeguardingPolicy { get; init; }

    [Required]
    [Description("none, participant-feedback, independent-evaluation or trial.")]
    [Vocabulary(typeof(Vocabularies), nameof(Vocabularies.EvidenceLevels))]
    public string EvidenceLevel { get; init; } = string.Empty;

    [MaxLength(10), EachItem(MaxLength = 100)]
    [Description("Quality marks held, e.g. \"Mind Quality Mark\".")]
    public IReadOnlyList<string> Accreditations { get; init; } = [];
}

[SchemaName("Contact")]
public sealed class ContactBody
{
    [MaxLength(254)]
    public string? Email { get; init; }

    [MaxLength(20)]
    [RegularExpression(@"^(\+44 ?|0)[0-9][0-9 ]{8,12}$", ErrorMessage = "'{0}' must be a UK phone number such as '0113 496 0123'.")]
    public string? Phone { get; init; }

    [MaxLength(200)]
    public string? Website { get; init; }
}
