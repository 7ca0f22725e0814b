namespace Referral.Domain.Directory;

/// <summary>
/// A peer support service as a directory administrator describes it. Codes come from the
/// vocabularies. Plain data: how it travels (the API's bodies) and how it is kept (the storage
/// documents) are each mapped to and from it, so neither can change the other by accident.
/// </summary>
public record ServiceInput
{
    /// <summary>The name people know the service by.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What happens at the service and who it is for, in plain words.</summary>
    public string Description { get; init; } = string.Empty;

    public Organisation Organisation { get; init; } = null!;

    /// <summary>Conditions the service supports; empty for a service open to anyone.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>Communities the service is run by and for.</summary>
    public IReadOnlyList<string> Communities { get; init; } = [];

    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary>Full UK postcode of the venue; null for an online-only service.</summary>
    public string? VenuePostcode { get; init; }

    public ServiceArea ServiceArea { get; init; } = null!;

    public IReadOnlyList<string> Schedule { get; init; } = [];

    /// <summary>ISO 639-1 codes.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> Accessibility { get; init; } = [];

    public string Cost { get; init; } = string.Empty;

    public Eligibility Eligibility { get; init; } = new();

    public Capacity Capacity { get; init; } = null!;

    public Quality Quality { get; init; } = null!;

    public IReadOnlyList<string> ReferralRoutes { get; init; } = [];

    public Contact Contact { get; init; } = null!;

    public string Status { get; init; } = "active";

    /// <summary>The date the directory last checked this entry.</summary>
    public DateOnly LastReviewed { get; init; }
}

public sealed class Organisation
{
    public string Name { get; init; } = string.Empty;

    /// <summary>Charity Commission for England and Wales, OSCR or CCNI number.</summary>
    public string? CharityNumber { get; init; }

    public string? Website { get; init; }
}

public sealed class ServiceArea
{
    /// <summary>True when anyone in the UK can use the service.</summary>
    public bool National { get; init; }

    /// <summary>How far from the venue the service takes people, in km; null when national.</summary>
    public int? RadiusKm { get; init; }

    /// <summary>
    /// How far from the venue the service's remote formats (online, phone, messages) are offered,
    /// in km: a local group whose online sessions are for its own area. Null when its remote
    /// formats are open to anyone, wherever they live.
    /// </summary>
    public int? RemoteRadiusKm { get; init; }
}

public sealed class Eligibility
{
    public int? MinAge { get; init; }

    public int? MaxAge { get; init; }

    /// <summary>A code of Vocabularies.GenderEligibility (anyone, women, men); null means anyone.</summary>
    public string? Gender { get; init; }
}

public sealed class Capacity
{
    public string Status { get; init; } = string.Empty;

    /// <summary>Expected wait in weeks, for a waitlist.</summary>
    public int? WaitWeeks { get; init; }
}

public sealed class Quality
{
    public bool TrainedFacilitators { get; init; }

    public bool SafeguardingPolicy { get; init; }

    public string EvidenceLevel { get; init; } = string.Empty;

    public IReadOnlyList<string> Accreditations { get; init; } = [];
}

public sealed class Contact
{
    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Website { get; init; }
}
