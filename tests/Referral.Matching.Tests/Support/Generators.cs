using CsCheck;
using Referral.Domain.Factors;
using Referral.Domain.Personality;
using Referral.Domain.Vocabulary;

namespace Referral.Matching.Tests.Support;

/// <summary>
/// Random but valid services and patients. Codes are drawn from small pools so that services
/// and patients overlap often enough for every rule to be exercised.
/// </summary>
internal static class Generators
{
    private static readonly string[] FormatCodes = Formats.All.Select(f => f.Code).ToArray();
    private static readonly string[] ConditionPool = ["anxiety", "depression", "diabetes", "cancer", "bereavement", "hiv"];
    private static readonly string[] CommunityPool = ["carers", "veterans", "older-people", "south-asian", "dementia-carers"];
    private static readonly string[] LanguagePool = ["en", "pl", "ur", "cy"];
    private static readonly string[] AccessPool = ["step-free-access", "hearing-loop", "large-print", "captions", "wheelchair-accessible"];

    // Few names, so that services often share an organisation.
    private static readonly string[] OrganisationPool = ["Leeds Mind", "Carers Leeds", "LEEDS MIND.", "Age UK Leeds", "Sunrise Trust"];
    private static readonly string[] SlotPool = Vocabularies.ScheduleSlots.Codes.ToArray();
    private static readonly string[] FactorCodes = DecisionFactors.All.Select(f => f.Code).ToArray();

    // Declared before the generators that use them: static fields initialise in order.
    private static readonly Gen<(int? Min, int? Max)> Ages =
        from hasMin in Gen.Int[0, 2]
        from min in Gen.Int[16, 60]
        from hasMax in Gen.Int[0, 2]
        from span in Gen.Int[0, 50]
        select (hasMin == 0 ? min : (int?)null, hasMax == 0 ? (hasMin == 0 ? min : 18) + span : (int?)null);

    private static readonly Gen<(string Evidence, string[] Accreditations, bool Safeguarding, bool Trained)> Quality =
        from evidence in Gen.OneOf(Vocabularies.EvidenceLevels.Codes.ToArray())
        from accredited in Gen.Bool
        from safeguarding in Gen.Bool
        from trained in Gen.Bool
        select (evidence, accredited ? new[] { "Mind Quality Mark" } : [], safeguarding, trained);

    // Up to 40 referrals from up to 6 practices: either side of the floor below which nothing is shown.
    public static readonly Gen<TrackRecord> Record =
        from referrals in Gen.Frequency((1, Gen.Const(0)), (2, Gen.Int[1, 40]))
        from completed in Gen.Int[0, referrals]
        from endorsed in Gen.Int[0, referrals]
        from practices in Gen.Int[Math.Min(referrals, 1), Math.Min(referrals, 6)]
        select new TrackRecord(referrals, completed, endorsed, practices);

    // Preferred and avoided formats never overlap (the API rejects that).
    private static readonly Gen<(string[] Preferred, string[] Avoid)> FormatLikes =
        from choices in Gen.Int[0, 2].Array[FormatCodes.Length]
        from stated in Gen.Bool
        select (
            FormatCodes.Where((_, i) => stated && choices[i] == 1).ToArray(),
            FormatCodes.Where((_, i) => choices[i] == 2).ToArray());

    public static readonly Gen<ServiceSpec> Service =
        from id in Gen.Guid
        from formats in NonEmptySubset(FormatCodes)
        from conditions in Subset(ConditionPool)
        from communities in Subset(CommunityPool)
        from languages in NonEmptySubset(LanguagePool)
        from accessibility in Subset(AccessPool)
        from schedule in Subset(SlotPool)
        from cost in Gen.OneOf("free", "low-cost", "paid")
        from ages in Ages
        from capacity in Gen.OneOf("open", "waitlist", "full")
        from status in Gen.Frequency((8, "active"), (1, "paused"), (1, "closed"))
        from national in Gen.Bool
        from radius in Gen.Int[1, 300]
        from quality in Quality
        from routes in NonEmptySubset(["self", "gp", "link-worker"])
        from reviewedDaysAgo in Gen.Int[0, 800]
        from hasVenue in Gen.Int[0, 9]
        from venue in Gen.OneOf(Places.All)
        from record in Record
        from organisation in Gen.OneOf(OrganisationPool)
        from gender in Gen.OneOf<string?>(null, null, null, "anyone", "women", "men")
        from remoteArea in Gen.Int[0, 3]
        from remoteRadius in Gen.Int[1, 300]
        select new ServiceSpec
        {
            Id = id,
            Name = "Service " + id.ToString()[..8],
            Formats = formats,
            Conditions = conditions,
            Communities = communities,
            Languages = languages,
            Accessibility = accessibility,
            Schedule = schedule,
            Cost = cost,
            MinAge = ages.Min,
            MaxAge = ages.Max,
            Capacity = capacity,
            Status = status,
            National = national,
            RadiusKm = national ? null : radius,
            RemoteRadiusKm = national || remoteArea > 0 ? null : remoteRadius,
            Gender = gender,
            Organisation = organisation,
            Evidence = quality.Evidence,
            Accreditations = quality.Accreditations,
            Safeguarding = quality.Safeguarding,
            Trained = quality.Trained,
            Routes = routes,
            LastReviewed = Patients.AsOf.AddDays(-reviewedDaysAgo),
            Venue = hasVenue > 0 ? venue : null,
            Record = record,
        };

    public static readonly Gen<Patient> Patient =
        from birthYear in Gen.Int[1930, 2010]
        from location in Gen.OneOf(Places.All)
        from maxTravel in Gen.Int[1, 200]
        from conditions in Subset(ConditionPool)
        from communities in Subset(CommunityPool)
        from languages in NonEmptySubset(LanguagePool).SelectMany(l => Gen.Shuffle(l))
        from needsInterpreter in Gen.Bool
        from hasNeeds in Gen.Int[0, 2]
        from access in Subset(AccessPool)
        from formats in FormatLikes
        from availability in Subset(SlotPool)
        from costLimit in Gen.OneOf("free", "low-cost", "any")
        from hasUsed in Gen.OneOf<bool?>(true, false, null)
        from extraversion in Gen.Int[1, 14]
        from ucla in Gen.Int[2, 9]
        // The lowest value of extraversion, ucla and ranked below stands for "not answered".
        from ranked in Gen.Int[-1, 12]
        from ranking in Gen.Shuffle(FactorCodes)
        from gender in Gen.OneOf<string?>(null, "woman", "man", "non-binary")
        select new Patient
        {
            BirthYear = birthYear,
            Gender = gender,
            Location = location,
            MaxTravelKm = maxTravel,
            Conditions = conditions,
            Communities = communities,
            Languages = languages,
            NeedsInterpreter = needsInterpreter,
            AccessibilityNeeds = hasNeeds == 0 ? access : [],
            PreferredFormats = formats.Preferred,
            AvoidFormats = formats.Avoid,
            Availability = availability,
            CostLimit = costLimit,
            HasUsedPeerSupport = hasUsed,
            Personality = extraversion == 1 ? null : new TipiTraits(extraversion / 2.0, 4, 4, 4, 4),
            Loneliness = ucla == 2 ? null : new LonelinessScore(ucla, ucla >= 6),
            FactorPriorities = ranked < 0 ? null : ranking[..ranked],
        };

    /// <summary>Services with distinct ids (random Guids collide with vanishing probability, but the directory would throw).</summary>
    public static readonly Gen<ServiceSpec[]> Services =
        Service.Array[0, 60].Select(s => s.DistinctBy(x => x.Id).ToArray());

    private static Gen<string[]> Subset(string[] pool) =>
        Gen.Bool.Array[pool.Length].Select(take => pool.Where((_, i) => take[i]).ToArray());

    private static Gen<string[]> NonEmptySubset(string[] pool) => Subset(pool).Where(s => s.Length > 0);
}
