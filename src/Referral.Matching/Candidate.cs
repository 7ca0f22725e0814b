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
    private static readonly ulong StepFree = 1UL << Vocabularies.AccessibilityFeatures.IndexOf("step-free-access");
    private static readonly ulong Wheelchair = 1UL << Vocabularies.AccessibilityFeatures.IndexOf("wheelchair-accessible");

    private Candidate(Guid serviceId, string name, string organisationName, IReadOnlyList<string> accreditations, int? radiusKm, int? remoteRadiusKm, CandidateTraits traits)
    {
        ServiceId = serviceId;
        Name = name;
        OrganisationName = organisationName;
        Accreditations = accreditations;
        RadiusKm = radiusKm;
        RemoteRadiusKm = remoteRadiusKm;
        Traits = traits;
    }

    public Guid ServiceId { get; }

    public string Name { get; }

    internal string OrganisationName { get; }

    internal IReadOnlyList<string> Accreditations { get; }

    internal int? RadiusKm { get; }

    internal int? RemoteRadiusKm { get; }

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
        var gender = service.Eligibility?.Gender;
        var remoteRadius = service.ServiceArea?.RemoteRadiusKm;
        var accessibility = CodeMask.Of(Vocabularies.AccessibilityFeatures, service.Accessibility);
        var traits = new CandidateTraits
        {
            Flags = CandidateTraits.FlagIf(service.Status == "active", CandidateTraits.Flag.Active)
                | CandidateTraits.FlagIf(service.Capacity?.Status == "full", CandidateTraits.Flag.Full)
                | CandidateTraits.FlagIf(venue.HasValue, CandidateTraits.Flag.HasVenue)
                | CandidateTraits.FlagIf(service.ServiceArea?.National ?? false, CandidateTraits.Flag.National)
                | CandidateTraits.FlagIf(service.Quality?.Accreditations.Count > 0, CandidateTraits.Flag.Accredited)
                | CandidateTraits.FlagIf(service.Quality?.SafeguardingPolicy ?? false, CandidateTraits.Flag.SafeguardingPolicy)
                | CandidateTraits.FlagIf(service.Quality?.TrainedFacilitators ?? false, CandidateTraits.Flag.TrainedFacilitators)
                | CandidateTraits.FlagIf(gender == "women", CandidateTraits.Flag.WomenOnly)
                | CandidateTraits.FlagIf(gender == "men", CandidateTraits.Flag.MenOnly)
                | CandidateTraits.FlagIf(remoteRadius.HasValue, CandidateTraits.Flag.RemoteArea),
            MinAge = service.Eligibility?.MinAge ?? 0,
            MaxAge = service.Eligibility?.MaxAge ?? short.MaxValue,
            Formats = formats,
            Venue = venue is { } point ? UnitVector.From(point) : default,
            AreaHaversine = UnitVector.HaversineOf(service.ServiceArea?.RadiusKm ?? 0),
            RemoteAreaHaversine = UnitVector.HaversineOf(remoteRadius ?? 0),
            Organisation = OrganisationKey(service.Organisation?.Name),
            // An unknown cost code is read as paid, so that it can never slip past a cost limit.
            CostRank = Rank(Vocabularies.Costs, service.Cost, ifUnknown: 2),
            Languages = LanguageMask.Of(service.Languages),
            // A venue a wheelchair user can use throughout is step-free too.
            Accessibility = (accessibility & Wheelchair) != 0 ? accessibility | StepFree : accessibility,
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
            service.Organisation?.Name ?? string.Empty,
            service.Quality?.Accreditations.ToArray() ?? [],
            service.ServiceArea?.RadiusKm,
            remoteRadius,
            traits);
    }

    /// <summary>The same service as shown with another track record (one practice's view of it).</summary>
    internal Candidate With(DisclosedRecord record) =>
        new(ServiceId, Name, OrganisationName, Accreditations, RadiusKm, RemoteRadiusKm, Traits with { Record = record });

    /// <summary>
    /// One organisation's services share a key: its name's letters and digits, lower-cased
    /// (so "Leeds Mind" and "LEEDS MIND." are one), hashed with 64-bit FNV-1a. Stable across
    /// processes, unlike string.GetHashCode, so rankings never depend on the run.
    /// </summary>
    internal static ulong OrganisationKey(string? name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name ?? string.Empty)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
            }
        }

        return hash;
    }

    /// <summary>A code's position in an ordered vocabulary (cost, evidence), or <paramref name="ifUnknown"/>.</summary>
    internal static int Rank(TermSet vocabulary, string? code, int ifUnknown) =>
        code is not null && vocabulary.IndexOf(code) is var i and >= 0 ? i : ifUnknown;
}
