using Referral.Domain.Personality;
using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

/// <summary>
/// The numbers each factor's published rule states, checked case by case, so that the words in
/// GET /v1/matching/model and the arithmetic cannot drift apart unnoticed.
/// </summary>
public sealed class FactorRuleTests
{
    private static readonly ServiceSpec Local = new();
    private static readonly ServiceSpec Online = new() { Formats = ["online-group"], Venue = null, National = true, RadiusKm = null };
    private static readonly Patient Patient = Patients.InLeeds;

    [Theory]
    [InlineData("trial", true, 0, 1.0)]
    [InlineData("independent-evaluation", false, 0, 0.68)]
    [InlineData("participant-feedback", true, 400, 0.5)]
    [InlineData("none", false, 400, 0.15)]
    public void Quality_confidence(string evidence, bool accredited, int reviewedDaysAgo, double expected)
    {
        var service = Local with { Evidence = evidence, Accreditations = accredited ? ["Mind Quality Mark"] : [], LastReviewed = Patients.AsOf.AddDays(-reviewedDaysAgo) };
        Assert.Equal(expected, Score("quality-confidence", Patient, service), 12);
    }

    [Theory]
    [InlineData(new string[0], new string[0], "trial", 0.5)]
    [InlineData(new[] { "depression" }, new string[0], "trial", 0.4)]
    [InlineData(new[] { "depression" }, new[] { "depression" }, "trial", 1.0)]
    [InlineData(new[] { "depression", "anxiety" }, new[] { "depression" }, "none", 0.475)]
    [InlineData(new[] { "depression" }, new[] { "diabetes" }, "trial", 0.0)]
    public void Health_benefit(string[] patientConditions, string[] serviceConditions, string evidence, double expected)
    {
        // A shared community keeps a service for other conditions relevant (not excluded as other-needs), so its score can be read.
        var patient = Patient with { Conditions = patientConditions, Communities = ["carers"] };
        Assert.Equal(expected, Score("health-benefit", patient, Local with { Conditions = serviceConditions, Communities = ["carers"], Evidence = evidence }), 12);
    }

    [Theory]
    [InlineData(true, true, 1.0)]
    [InlineData(true, false, 0.5)]
    [InlineData(false, false, 0.0)]
    public void Safe_and_confidential(bool safeguarding, bool trained, double expected)
    {
        Assert.Equal(expected, Score("safe-and-confidential", Patient, Local with { Safeguarding = safeguarding, Trained = trained }), 12);
    }

    [Fact]
    public void Convenient_location()
    {
        Assert.Equal(1.0, Score("convenient-location", Patient, Local), 12);
        Assert.Equal(1.0, Score("convenient-location", Patient, Online), 12);
        Assert.Equal(1.0, Score("convenient-location", Patient, Local with { Formats = ["in-person-group", "online-group"], Venue = Places.Bradford }), 12);
        var toBradford = Places.LeedsCentre.DistanceKmTo(Places.Bradford);
        var willJustGo = Patient with { MaxTravelKm = (int)Math.Ceiling(toBradford) };
        Assert.Equal(1 - 0.75 * toBradford / willJustGo.MaxTravelKm, Score("convenient-location", willJustGo, Local with { Venue = Places.Bradford }), 9);
    }

    [Theory]
    [InlineData(new[] { "messages" }, new string[0], new[] { "weekend-morning" }, 1.0)]
    [InlineData(new[] { "online-group" }, new string[0], new string[0], 0.5)]
    [InlineData(new[] { "online-group" }, new[] { "weekday-evening" }, new string[0], 0.5)]
    [InlineData(new[] { "online-group" }, new[] { "weekday-evening" }, new[] { "weekend-morning" }, 0.0)]
    [InlineData(new[] { "online-group" }, new[] { "weekday-evening" }, new[] { "weekday-evening", "weekend-morning" }, 0.85)]
    [InlineData(new[] { "messages" }, new string[0], new string[0], 0.5)]
    [InlineData(new[] { "online-community", "online-group" }, new[] { "weekday-evening" }, new string[0], 0.5)]
    public void Convenient_time(string[] formats, string[] schedule, string[] availability, double expected)
    {
        Assert.Equal(expected, Score("convenient-time", Patient with { Availability = availability }, Online with { Formats = formats, Schedule = schedule }), 12);
    }

    [Theory]
    [InlineData("free", 1.0)]
    [InlineData("low-cost", 0.5)]
    [InlineData("paid", 0.0)]
    public void Free_of_charge(string cost, double expected)
    {
        Assert.Equal(expected, Score("free-of-charge", Patient, Local with { Cost = cost }), 12);
    }

    [Fact]
    public void Preferred_format()
    {
        Assert.Equal(0.5, Score("preferred-format", Patient, Online), 12);
        Assert.Equal(1.0, Score("preferred-format", Patient with { PreferredFormats = ["online-group"] }, Online), 12);
        Assert.Equal(0.25, Score("preferred-format", Patient with { PreferredFormats = ["messages"] }, Online), 12);
        // Extraversion 7 leans fully outgoing (1): the online group, centred (0.8 - 0.55) / 0.45, fits 0.5 + 0.5 x 0.556.
        Assert.Equal(0.5 + 0.5 * (0.8 - 0.55) / 0.45, Score("preferred-format", Patient with { Personality = new TipiTraits(7, 4, 4, 4, 4) }, Online), 12);
        // Extraversion 1 leans fully reserved (-1): messages, centred -1, fit 1, the best of the two formats offered.
        Assert.Equal(1.0, Score("preferred-format", Patient with { Personality = new TipiTraits(1, 4, 4, 4, 4) }, Online with { Formats = ["online-group", "messages"] }), 12);
        // Extraversion 5.5 leans (1.5 / 3) squared = 0.25 outgoing: a quarter of the pull at the end of the scale.
        Assert.Equal(0.5 + 0.5 * 0.25 * (0.8 - 0.55) / 0.45, Score("preferred-format", Patient with { Personality = new TipiTraits(5.5, 4, 4, 4, 4) }, Online), 12);
        Assert.Equal(0.7, Score("preferred-format", Patient with { Loneliness = new LonelinessScore(7, true) }, Online), 12);
    }

    [Theory]
    [InlineData(new string[0], new string[0], "in-person-group", 0.5)]
    [InlineData(new[] { "depression" }, new[] { "depression" }, "in-person-group", 1.0)]
    [InlineData(new[] { "depression" }, new[] { "depression" }, "messages", 0.1)]
    [InlineData(new[] { "depression" }, new string[0], "online-group", 0.32)]
    [InlineData(new[] { "depression" }, new[] { "cancer" }, "in-person-group", 0.0)]
    public void Similar_experiences(string[] patientConditions, string[] serviceConditions, string format, double expected)
    {
        var service = Online with { Conditions = serviceConditions, Communities = ["carers"], Formats = [format], Venue = Places.LeedsCentre };
        Assert.Equal(expected, Score("similar-experiences", Patient with { Conditions = patientConditions, Communities = ["carers"] }, service), 12);
    }

    [Theory]
    [InlineData(new string[0], new[] { "carers" }, 0.5)]
    [InlineData(new[] { "carers" }, new string[0], 0.4)]
    [InlineData(new[] { "carers", "veterans" }, new[] { "carers" }, 0.85)]
    [InlineData(new[] { "carers" }, new[] { "veterans" }, 0.0)]
    public void Shared_background(string[] patientCommunities, string[] serviceCommunities, double expected)
    {
        Assert.Equal(expected, Score("shared-background", Patient with { Communities = patientCommunities }, Local with { Communities = serviceCommunities }), 12);
    }

    [Theory]
    [InlineData(new[] { "pl", "en" }, new[] { "pl" }, new string[0], new string[0], 1.0)]
    [InlineData(new[] { "pl", "en" }, new[] { "en" }, new string[0], new string[0], 0.5)]
    [InlineData(new[] { "en" }, new[] { "en" }, new[] { "captions", "large-print" }, new[] { "captions" }, 0.8)]
    public void Language_and_access(string[] languages, string[] offered, string[] needs, string[] features, double expected)
    {
        var patient = Patient with { Languages = languages, AccessibilityNeeds = needs };
        Assert.Equal(expected, Score("language-and-access", patient, Online with { Languages = offered, Accessibility = features }), 12);
    }

    [Theory]
    [InlineData(new[] { "gp" }, 0, 0, 0.8)]
    [InlineData(new[] { "self", "link-worker" }, 0, 0, 0.5)]
    [InlineData(new[] { "self" }, 0, 0, 0.2)]
    [InlineData(new[] { "gp" }, 10, 10, 0.9)]
    [InlineData(new[] { "gp" }, 10, 0, 0.7)]
    [InlineData(new[] { "gp" }, 14, 10, 0.84)]
    [InlineData(new[] { "gp" }, 9, 9, 0.8)]
    public void Professional_endorsement(string[] routes, int referrals, int endorsed, double expected)
    {
        // From three practices, so that from ten referrals the record is shown (banded: 10 of 14 is "about 7 in 10 of 10 or more").
        var service = Local with { Routes = routes, Record = new TrackRecord(referrals, 0, endorsed, Math.Min(referrals, 3)) };
        Assert.Equal(expected, Score("professional-endorsement", Patient, service), 12);
    }

    private static double Score(string factor, Patient patient, ServiceSpec service) =>
        Engine.Rank(patient, service).Items.Single().Factors.Single(f => f.Factor == factor).Score;
}
