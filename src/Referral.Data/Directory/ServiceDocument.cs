using System.Text.Json.Serialization;

namespace Referral.Data.Directory;

/// <summary>
/// The JSON kept in services.document. Every member name is pinned to what rows have held
/// since the first migration, so renaming a property here, in the domain or in the API changes
/// nothing on disk; and the order of the properties is the order of the members in each row.
/// A name that SQL reads or writes inside the document is a constant of <see cref="Members"/>,
/// used by both the attribute and the SQL.
/// </summary>
internal sealed record ServiceDocument
{
    /// <summary>Members that SQL reaches into (json_each, json_set): one definition for both sides.</summary>
    public static class Members
    {
        public const string Conditions = "conditions";
        public const string Communities = "communities";
        public const string Formats = "formats";
        public const string Languages = "languages";
        public const string Status = "status";
    }

    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    [JsonPropertyName("organisation")]
    public OrganisationDocument Organisation { get; init; } = new();

    [JsonPropertyName(Members.Conditions)]
    public IReadOnlyList<string> Conditions { get; init; } = [];

    [JsonPropertyName(Members.Communities)]
    public IReadOnlyList<string> Communities { get; init; } = [];

    [JsonPropertyName(Members.Formats)]
    public IReadOnlyList<string> Formats { get; init; } = [];

    [JsonPropertyName("venuePostcode")]
    public string? VenuePostcode { get; init; }

    [JsonPropertyName("serviceArea")]
    public ServiceAreaDocument ServiceArea { get; init; } = new();

    [JsonPropertyName("schedule")]
    public IReadOnlyList<string> Schedule { get; init; } = [];

    [JsonPropertyName(Members.Languages)]
    public IReadOnlyList<string> Languages { get; init; } = [];

    [JsonPropertyName("accessibility")]
    public IReadOnlyList<string> Accessibility { get; init; } = [];

    [JsonPropertyName("cost")]
    public string Cost { get; init; } = string.Empty;

    [JsonPropertyName("eligibility")]
    public EligibilityDocument Eligibility { get; init; } = new();

    [JsonPropertyName("capacity")]
    public CapacityDocument Capacity { get; init; } = new();

    [JsonPropertyName("quality")]
    public QualityDocument Quality { get; init; } = new();

    [JsonPropertyName("referralRoutes")]
    public IReadOnlyList<string> ReferralRoutes { get; init; } = [];

    [JsonPropertyName("contact")]
    public ContactDocument Contact { get; init; } = new();

    [JsonPropertyName(Members.Status)]
    public string Status { get; init; } = "active";

    [JsonPropertyName("lastReviewed")]
    public DateOnly LastReviewed { get; init; }
}

internal sealed record OrganisationDocument
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("charityNumber")]
    public string? CharityNumber { get; init; }

    [JsonPropertyName("website")]
    public string? Website { get; init; }
}

internal sealed record ServiceAreaDocument
{
    [JsonPropertyName("national")]
    public bool National { get; init; }

    [JsonPropertyName("radiusKm")]
    public int? RadiusKm { get; init; }

    // Added in engine 2.0.0. Left out when not set, so a row stored before it, read and written
    // back unchanged, keeps its bytes.
    [JsonPropertyName("remoteRadiusKm"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RemoteRadiusKm { get; init; }
}

internal sealed record EligibilityDocument
{
    [JsonPropertyName("minAge")]
    public int? MinAge { get; init; }

    [JsonPropertyName("maxAge")]
    public int? MaxAge { get; init; }

    // Added in engine 2.0.0; left out when not set (anyone), as rows stored before it were.
    [JsonPropertyName("gender"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Gender { get; init; }
}

internal sealed record CapacityDocument
{
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    [JsonPropertyName("waitWeeks")]
    public int? WaitWeeks { get; init; }
}

internal sealed record QualityDocument
{
    [JsonPropertyName("trainedFacilitators")]
    public bool TrainedFacilitators { get; init; }

    [JsonPropertyName("safeguardingPolicy")]
    public bool SafeguardingPolicy { get; init; }

    [JsonPropertyName("evidenceLevel")]
    public string EvidenceLevel { get; init; } = string.Empty;

    [JsonPropertyName("accreditations")]
    public IReadOnlyList<string> Accreditations { get; init; } = [];
}

internal sealed record ContactDocument
{
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("website")]
    public string? Website { get; init; }
}
