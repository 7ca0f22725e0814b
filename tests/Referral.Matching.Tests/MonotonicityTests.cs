using CsCheck;
using Referral.Domain.Geography;
using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

/// <summary>
/// Making one thing about a service better for the patient must never lower its total, nor turn
/// an eligible service into an excluded one.
/// </summary>
public sealed class MonotonicityTests
{
    [Fact]
    public void A_nearer_venue_never_lowers_the_total()
    {
        // Venues scattered up to about 150 km around the patient, mostly in person, so that the
        // distance decay and the travel and area limits are all in play.
        var inPerson = Gen.OneOf<string[]>(["in-person-group"], ["one-to-one-in-person"], ["in-person-group", "messages"], ["one-to-one-in-person", "online-group"]);
        var offset = Gen.Select(Gen.Double[-1.4, 1.4], Gen.Double[-2.2, 2.2]);
        Gen.Select(Generators.Patient, Generators.Service, inPerson, offset, offset).Sample((patient, service, formats, a, b) =>
        {
            var home = patient.Location!.Value;
            var venues = new[] { a, b }
                .Select(o => new GeoPoint(home.Latitude + o.Item1, home.Longitude + o.Item2))
                .OrderByDescending(home.DistanceKmTo)
                .ToArray();
            var local = service with { Formats = formats };
            AssertNoWorse(patient, local with { Venue = venues[0] }, local with { Venue = venues[1] });
        }, iter: 1000);
    }

    [Fact]
    public void Free_instead_of_paid_never_lowers_the_total()
    {
        Gen.Select(Generators.Patient, Generators.Service).Sample((patient, service) =>
        {
            AssertNoWorse(patient, service with { Cost = "paid" }, service with { Cost = "low-cost" });
            AssertNoWorse(patient, service with { Cost = "low-cost" }, service with { Cost = "free" });
        });
    }

    [Fact]
    public void Adding_the_patients_language_never_lowers_the_total()
    {
        Gen.Select(Generators.Patient, Generators.Service, Gen.Int[0, 3]).Sample((patient, service, which) =>
        {
            var language = patient.Languages[which % patient.Languages.Count];
            AssertNoWorse(patient, service, service with { Languages = service.Languages.Append(language).Distinct().ToArray() });
        });
    }

    private const double RoundingTolerance = 1e-12;

    private static void AssertNoWorse(Patient patient, ServiceSpec before, ServiceSpec after)
    {
        var was = MatchingEngine.Rank(patient, Engine.DirectoryOf(before), 1, Patients.AsOf).Items;
        var now = MatchingEngine.Rank(patient, Engine.DirectoryOf(after), 1, Patients.AsOf).Items;
        if (was.Count == 0)
        {
            return;
        }

        Assert.Single(now);
        // Allows for floating-point rounding only: two venues the same distance away (one north,
        // one south) can be ordered one way by the test's distance and scored the other way by
        // the engine's, about 1e-16 apart. A real drop is many orders of magnitude larger.
        Assert.True(now[0].Total >= was[0].Total - RoundingTolerance, $"total fell from {was[0].Total} to {now[0].Total}");
    }
}
