using Referral.Domain.Directory;
using Referral.Domain.Geography;
using Referral.Domain.Vocabulary;
using Referral.Matching;

namespace Referral.Benchmarks;

/// <summary>
/// A directory of random but valid services, the same on every run (fixed seed), with venues
/// spread over Great Britain so that a patient has a realistic handful within reach. Venues are
/// postcode district centroids, as the API gives the engine: 3,000 of them (the UK has about
/// 3,000 districts), so a large directory has many services per venue, as a real one would.
/// </summary>
internal static class SyntheticDirectory
{
    private const int Districts = 3_000;

    private static readonly string[] FormatCodes = Formats.All.Select(f => f.Code).ToArray();
    private static readonly string[] ConditionCodes = Vocabularies.Conditions.Codes.ToArray();
    private static readonly string[] CommunityCodes = Vocabularies.Communities.Codes.ToArray();
    private static readonly string[] AccessCodes = Vocabularies.AccessibilityFeatures.Codes.ToArray();
    private static readonly string[] SlotCodes = Vocabularies.ScheduleSlots.Codes.ToArray();
    private static readonly string[] EvidenceCodes = Vocabularies.EvidenceLevels.Codes.ToArray();
    private static readonly string[] LanguageCodes = ["en", "en", "en", "en", "pl", "ur", "pa", "bn", "cy", "ar", "so", "ro"];

    public static CandidateDirectory Build(int count, int seed)
    {
        var random = new Random(seed);
        var districts = Enumerable.Range(0, Districts)
            .Select(_ => new GeoPoint(50.3 + random.NextDouble() * 5.5, -4.5 + random.NextDouble() * 6.2))
            .ToArray();
        var candidates = new Candidate[count];
        for (var i = 0; i < count; i++)
        {
            var (service, venue) = Service(random, districts, organisations: count / 4 + 1);
            var referrals = random.Next(4) == 0 ? 0 : random.Next(1, 60);
            var record = new TrackRecord(referrals, random.Next(referrals + 1), random.Next(referrals + 1), Math.Min(referrals, random.Next(1, 8)));
            candidates[i] = Candidate.Compile(service, venue, record);
        }

        return CandidateDirectory.From(candidates);
    }

    private static (Service Service, GeoPoint? Venue) Service(Random random, GeoPoint[] districts, int organisations)
    {
        var formats = Pick(random, FormatCodes, 1, 3);
        var inPerson = formats.Any(f => Formats.Find(f)!.InPerson);
        var national = !inPerson || random.Next(5) == 0;
        var venue = inPerson ? districts[random.Next(districts.Length)] : (GeoPoint?)null;
        // A tenth of local services keep their remote formats for their own area.
        var remoteArea = !national && random.Next(10) == 0 ? random.Next(5, 80) : (int?)null;
        var idBytes = new byte[16];
        random.NextBytes(idBytes);

        var service = new Service
        {
            Id = new Guid(idBytes),
            Version = 1,
            Name = "Service " + random.Next(1_000_000),
            Description = "Synthetic service for benchmarking.",
            Organisation = new Organisation { Name = "Synthetic charity " + random.Next(organisations) },
            Conditions = random.Next(3) == 0 ? [] : Pick(random, ConditionCodes, 1, 3),
            Communities = random.Next(2) == 0 ? [] : Pick(random, CommunityCodes, 1, 2),
            Formats = formats,
            VenuePostcode = inPerson ? "LS1 4AP" : null,
            ServiceArea = new ServiceArea { National = national, RadiusKm = national ? null : random.Next(5, 80), RemoteRadiusKm = remoteArea },
            Schedule = Pick(random, SlotCodes, 0, 3),
            Languages = Pick(random, LanguageCodes, 1, 2),
            Accessibility = Pick(random, AccessCodes, 0, 5),
            Cost = random.Next(10) switch { < 6 => "free", < 9 => "low-cost", _ => "paid" },
            Eligibility = new Eligibility
            {
                MinAge = random.Next(4) == 0 ? 18 : null,
                MaxAge = random.Next(4) == 0 ? random.Next(25, 100) : null,
                Gender = random.Next(20) switch { 0 => "women", 1 => "men", _ => null },
            },
            Capacity = new Capacity { Status = random.Next(10) switch { < 7 => "open", < 9 => "waitlist", _ => "full" } },
            Quality = new Quality
            {
                EvidenceLevel = EvidenceCodes[random.Next(EvidenceCodes.Length)],
                Accreditations = random.Next(3) == 0 ? ["Mind Quality Mark"] : [],
                SafeguardingPolicy = random.Next(5) > 0,
                TrainedFacilitators = random.Next(3) > 0,
            },
            ReferralRoutes = random.Next(2) == 0 ? ["self", "gp"] : ["self"],
            Contact = new Contact { Email = "hello@example.org" },
            Status = random.Next(20) == 0 ? "paused" : "active",
            LastReviewed = new DateOnly(2026, 5, 1).AddDays(-random.Next(700)),
        };
        return (service, venue);
    }

    private static string[] Pick(Random random, string[] pool, int min, int max) =>
        pool.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1)).Distinct().ToArray();
}
