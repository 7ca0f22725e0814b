using Referral.Domain.Directory;
using Referral.Domain.Geography;
using Referral.Domain.Vocabulary;
using Referral.Matching.Compiled;

namespace Referral.Matching;

/// <summary>
/// A directory service compiled once for matching. Immutable: when a service changes, compile it
/// again and put the new candidate in the directory with <see cref="CandidateDirectory.With"/>.
/// </summary>
public sealed class Candidate
{
    private Candidate(Guid serviceId, string name, IReadOnlyList<string> accreditations, int? radiusKm, CandidateTraits traits)
    {
        ServiceId = serviceId;
        Name = name;
        Accreditations = accreditations;
        RadiusKm = radiusKm;
        Traits = traits;
    }

    public Guid ServiceId { get; }

    public string Name { get; }

    internal IReadOnlyList<string> Accreditations { get; }

    internal int? RadiusKm { get; }

    internal CandidateTraits Traits { get; }

    internal DisclosedRecord Record => Traits.Record;

    /// <param name="service">The directory entry.</param>
    /// <param name="venue">Centroid of the venue's postcode district, which the caller resolves
    /// from PostcodeDistricts; null for a service with no venue or an unknown district.</param>
    /// <param name="trackRecord">Closed referrals made to it so far, by every practice, or by the
    /// practices other than those given their own figures at ranking time (see
    /// <see cref="TrackRecordOverrides"/>); <see cref="TrackRecord.None"/> when none. Shown only
    /// as TrackRecordDisclosure allows.</param>
    public static Candidate Compile(Service service, GeoPoint? venue, TrackRecord trackRecord = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var record = DisclosedRecord.Of(trackRecord);

        var formats = FormatTable.Of(service.Formats);
        var traits = new CandidateTraits
        {
            Flags = CandidateTraits.FlagIf(service.Status == "active", CandidateTraits.Flag.Active)
                | CandidateTraits.FlagIf(service.Capacity?.Status == "full", CandidateTraits.Flag.Full)
                | CandidateTraits.FlagIf(venue.HasValue, CandidateTraits.Flag.HasVenue)
                | CandidateTraits.FlagIf(service.ServiceArea?.National ?? false, CandidateTraits.Flag.National)
                | CandidateTraits.FlagIf(service.Quality?.Accreditations.Count > 0, CandidateTraits.Flag.Accredited)
                | CandidateTraits.FlagIf(service.Quality?.SafeguardingPolicy ?? false, CandidateTraits.Flag.SafeguardingPolicy)
                | CandidateTraits.FlagIf(service.Quality?.TrainedFacilitators ?? false, CandidateTraits.Flag.TrainedFacilitators),
            MinAge = service.Eligibility?.MinAge ?? 0,
            MaxAge = service.Eligibility?.MaxAge ?? short.MaxValue,
            Formats = formats,
            Venue = venue is { } point ? UnitVector.From(point) : default,
            AreaHaversine = UnitVector.HaversineOf(service.ServiceArea?.RadiusKm ?? 0),
            // An unknown cost code is read as paid, so that it can never slip past a cost limit.
            CostRank = Rank(Vocabularies.Costs, service.Cost, ifUnknown: 2),
            Languages = LanguageMask.Of(service.Languages),
            Accessibility = CodeMask.Of(Vocabularies.AccessibilityFeatures, service.Accessibility),
            Conditions = CodeMask.Of(Vocabularies.Conditions, service.Conditions),
            Communities = CodeMask.Of(Vocabularies.Communities, service.Communities),
            Schedule = CodeMask.Of(Vocabularies.ScheduleSlots, service.Schedule),
            Evidence = Rank(Vocabularies.EvidenceLevels, service.Quality?.EvidenceLevel, ifUnknown: 0),
            ReviewedDay = service.LastReviewed.DayNumber,
            Routes = (int)CodeMask.Of(Vocabularies.ReferralRoutes, service.ReferralRoutes),
            Record = record,
        };

        return new Candidate(
            service.Id,
            service.Name,
            service.Quality?.Accreditations.ToArray() ?? [],
            service.ServiceArea?.RadiusKm,
            traits);
    }

    /// <summary>The same service as shown with another track record (one practice's view of it).</summary>
    internal Candidate With(DisclosedRecord record) =>
        new(ServiceId, Name, Accreditations, RadiusKm, Traits with { Record = record });

    /// <summary>A code's position in an ordered vocabulary (cost, evidence), or <paramref name="ifUnknown"/>.</summary>
    internal static int Rank(TermSet vocabulary, string? code, int ifUnknown) =>
        code is not null && vocabulary.IndexOf(code) is var i and >= 0 ? i : ifUnknown;
}
