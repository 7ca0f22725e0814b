using System.Numerics;
using System.Runtime.CompilerServices;
using Referral.Matching.Compiled;

namespace Referral.Matching.Constraints;

/// <summary>
/// The rules that remove a service before any scoring, with the words the published model shows
/// for each. Checked in the order listed; a service is counted under the first rule it fails.
/// </summary>
internal static class HardConstraints
{
    public static readonly IReadOnlyList<(ExclusionReason Reason, string Code, string Rule)> All =
    [
        (ExclusionReason.NotActive, "not-active", "The service is paused or closed."),
        (ExclusionReason.Age, "age", "The patient's age (the match date's year minus their birth year) is outside the service's minimum or maximum age."),
        (ExclusionReason.Gender, "gender",
            "The service is for women only and the patient is recorded as a man, or for men only and the patient is recorded as a woman. " +
            "A patient whose gender is not recorded (it is recorded only if they choose), or is recorded as non-binary, is not excluded: the service's own policy decides."),
        (ExclusionReason.Full, "full", "The service is full and not taking referrals (a waiting list does not exclude)."),
        (ExclusionReason.OtherNeeds, "other-needs",
            "Relevance comes first: the service is aimed only at needs the patient does not have. It lists conditions, none of them one the patient named, " +
            "and none of the patient's communities. A service open to any condition (none listed), or aimed at one of the patient's conditions or communities, " +
            "is relevant; when the patient named no condition, no service is excluded by this rule."),
        (ExclusionReason.AvoidedFormat, "avoided-format", "Every format the service offers is one the patient said they will not use; otherwise the avoided formats are simply not offered."),
        (ExclusionReason.TooFar, "too-far",
            "In-person formats whose venue is further than the patient will travel (district-centroid haversine distance), or at a distance that cannot be worked out, are not offered. " +
            "A service left with no format is excluded, under the first of too-far, out-of-area and access that took one away; one that also has remote formats is offered for those."),
        (ExclusionReason.OutOfArea, "out-of-area",
            "In-person formats of a service that is not national are not offered when the patient lives further from its venue than its service radius; remote formats of a service " +
            "that offers them only within a radius of its venue (serviceArea.remoteRadiusKm) are not offered when the patient lives further than that or the distance cannot be worked out. " +
            "A service left with no format is excluded, under the first of too-far, out-of-area and access that took one away."),
        (ExclusionReason.Cost, "cost", "The service costs more than the patient's limit (free < low-cost < paid; 'any' allows all)."),
        (ExclusionReason.Language, "language",
            "The service shares no language with the patient: none of the patient's languages, nor English unless they need an interpreter."),
        (ExclusionReason.Access, "access",
            "In-person formats whose venue does not meet every access need of the patient are not offered (a wheelchair-accessible venue counts as step-free too). " +
            "A service left with no format is excluded, under the first of too-far, out-of-area and access that took one away; one that also has remote formats is offered " +
            "for those, and unmet needs then lower its language-and-access score."),
    ];

    // Failures of the rules before too-far decide the reason without any distance.
    private const int BeforeDistance = (1 << (int)ExclusionReason.TooFar) - 1;

    /// <summary>
    /// Null when the service is eligible, with <paramref name="offer"/> saying what it offers the
    /// patient; otherwise the first rule it fails. This runs for every service on every request,
    /// so it allocates nothing, reads only the service's <see cref="Screen"/> (its area radii,
    /// from <paramref name="traits"/>, only when its venue is within reach), and each rule sets
    /// its own bit rather than branching: the lowest bit set is the first rule failed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ExclusionReason? Check(PatientTraits patient, in Screen service, RequestTables tables, CandidateTraits[] traits, int index, out Offer offer)
    {
        var formats = service.Formats & ~patient.AvoidFormats;
        var relevant = (patient.Conditions == 0) | (service.Conditions == 0)
            | ((service.Conditions & patient.Conditions) != 0) | ((service.Communities & patient.Communities) != 0);
        var failed =
            Fails(!service.Active, ExclusionReason.NotActive)
            | Fails((patient.Age < service.MinAge) | (patient.Age > service.MaxAge), ExclusionReason.Age)
            | Fails((service.WomenOnly & patient.IsMan) | (service.MenOnly & patient.IsWoman), ExclusionReason.Gender)
            | Fails(service.Full, ExclusionReason.Full)
            | Fails(!relevant, ExclusionReason.OtherNeeds)
            | Fails(formats == 0, ExclusionReason.AvoidedFormat)
            | Fails(service.CostRank > patient.CostLimitRank, ExclusionReason.Cost)
            | Fails((tables.LanguageFit[service.LanguageSet] & RequestTables.Shared) == 0, ExclusionReason.Language);
        if ((failed & BeforeDistance) != 0)
        {
            offer = default;
            return (ExclusionReason)BitOperations.TrailingZeroCount(failed);
        }

        // Distance, areas and venue access concern some formats only: a service keeps the
        // formats it still has, and is excluded only when none is left.
        var haversine = service.Venue >= 0 ? tables.VenueHaversines[service.Venue] : double.NaN;
        var dropped = InPersonDropped.No;
        var took = 0;
        if ((formats & FormatTable.InPerson) != 0 && Reach(patient, service, haversine, traits, index) is var reach and not InPersonDropped.No)
        {
            took |= 1 << (int)(reach == InPersonDropped.OutsideArea ? ExclusionReason.OutOfArea : ExclusionReason.TooFar);
            formats &= FormatTable.Remote;
            dropped = reach;
        }

        // NaN (no venue, or the patient's district unknown) is outside: the engine never offers
        // what it cannot place.
        var remoteOutside = false;
        if ((formats & FormatTable.Remote) != 0 && service.HasRemoteArea && !(haversine <= traits[index].RemoteAreaHaversine))
        {
            took |= 1 << (int)ExclusionReason.OutOfArea;
            formats &= FormatTable.InPerson;
            remoteOutside = true;
        }

        if ((formats & FormatTable.InPerson) != 0 && (service.Accessibility & patient.AccessNeeds) != patient.AccessNeeds)
        {
            took |= 1 << (int)ExclusionReason.Access;
            formats &= FormatTable.Remote;
            dropped = InPersonDropped.AccessNotMet;
        }

        // With nothing left, the service fails every rule that took a format away; the first counts.
        failed |= formats == 0 ? took : 0;
        if (failed != 0)
        {
            offer = default;
            return (ExclusionReason)BitOperations.TrailingZeroCount(failed);
        }

        var distance = (formats & FormatTable.InPerson) != 0 ? UnitVector.KmFromHaversine(haversine) : double.NaN;
        offer = new Offer(formats, distance, dropped, remoteOutside);
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Fails(bool failed, ExclusionReason reason) => (failed ? 1 : 0) << (int)reason;


    // Compares haversines, not kilometres: the same test, without trigonometry per candidate.
    private static InPersonDropped Reach(PatientTraits patient, in Screen service, double haversine, CandidateTraits[] traits, int index) =>
        double.IsNaN(haversine) ? InPersonDropped.DistanceUnknown
            : haversine > patient.MaxTravelHaversine ? InPersonDropped.BeyondTravel
            : !service.National && haversine > traits[index].AreaHaversine ? InPersonDropped.OutsideArea
            : InPersonDropped.No;
}
