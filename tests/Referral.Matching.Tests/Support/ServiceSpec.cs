using Referral.Domain.Directory;
using Referral.Domain.Geography;

namespace Referral.Matching.Tests.Support;

/// <summary>
/// A service as a test describes it, with defaults for an ordinary local group, so each test
/// states only what matters to it (<c>spec with { Cost = "paid" }</c>).
/// </summary>
public sealed record ServiceSpec
{
    public Guid Id { get; init; } = Ids.Of(1);
    public string Name { get; init; } = "Leeds peer support group";
    public string[] Formats { get; init; } = ["in-person-group"];
    public string[] Conditions { get; init; } = [];
    public string[] Communities { get; init; } = [];
    public string[] Languages { get; init; } = ["en"];
    public string[] Accessibility { get; init; } = [];
    public string[] Schedule { get; init; } = ["weekday-evening"];
    public string Cost { get; init; } = "free";
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    public string Capacity { get; init; } = "open";
    public string Status { get; init; } = "active";
    public bool National { get; init; }
    public int? RadiusKm { get; init; } = 50;
    public int? RemoteRadiusKm { get; init; }
    public string? Gender { get; init; }
    public string Organisation { get; init; } = "Test charity";
    public string Evidence { get; init; } = "participant-feedback";
    public string[] Accreditations { get; init; } = [];
    public bool Safeguarding { get; init; } = true;
    public bool Trained { get; init; } = true;
    public string[] Routes { get; init; } = ["self", "gp"];
    public DateOnly LastReviewed { get; init; } = new(2026, 1, 10);
    public GeoPoint? Venue { get; init; } = Places.LeedsCentre;
    public TrackRecord Record { get; init; }

    public Candidate Compile() => Candidate.Compile(ToService(), Venue, Record);

    public Service ToService() => new()
    {
        Id = Id,
        Version = 1,
        Name = Name,
        Description = "A test service.",
        Organisation = new Organisation { Name = Organisation },
        Conditions = Conditions,
        Communities = Communities,
        Formats = Formats,
        VenuePostcode = Venue is null ? null : "LS1 4AP",
        ServiceArea = new ServiceArea { National = National, RadiusKm = RadiusKm, RemoteRadiusKm = RemoteRadiusKm },
        Schedule = Schedule,
        Languages = Languages,
        Accessibility = Accessibility,
        Cost = Cost,
        Eligibility = new Eligibility { MinAge = MinAge, MaxAge = MaxAge, Gender = Gender },
        Capacity = new Capacity { Status = Capacity },
        Quality = new Quality
        {
            EvidenceLevel = Evidence,
            Accreditations = Accreditations,
            SafeguardingPolicy = Safeguarding,
            TrainedFacilitators = Trained,
        },
        ReferralRoutes = Routes,
        Contact = new Contact { Email = "hello@example.org" },
        Status = Status,
        LastReviewed = LastReviewed,
    };
}

internal static class Ids
{
    /// <summary>Ids whose order is the order of n, for tie-break tests.</summary>
    public static Guid Of(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
