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
        (ExclusionReason.Full, "full", "The service is full and not taking referrals (a waiting list does not exclude)."),
        (ExclusionReason.AvoidedFormat, "avoided-format", "Every format the service offers is one the patient said they will not use; otherwise the avoided formats are simply not offered."),
        (ExclusionReason.TooFar, "too-far",
            "The service is offered only in person and its venue is further than the patient will travel (district-centroid haversine distance), or the distance cannot be worked out. A service that also has remote formats is not excluded: it is offered for its remote formats."),
        (ExclusionReason.OutOfArea, "out-of-area",
            "The service is offered only in person, is not national, and the patient lives further from its venue than its service radius. A service that also has remote formats is offered for those; the service area is read as the area its venue serves."),
        (ExclusionReason.Cost, "cost", "The service costs more than the patient's limit (free < low-cost < paid; 'any' allows all)."),
        (ExclusionReason.Language, "language",
            "The service shares no language with the patient: none of the patient's languages, nor English unless they need an interpreter."),
        (ExclusionReason.Access, "access",
            "The service is offered only in person and its venue does not meet every access need of the patient. A service that also has remote formats is offered for those instead; unmet needs then lower its language-and-access score."),
    ];

    /// <summary>
    /// Null when the service is eligible, with <paramref name="offer"/> saying what it offers the
    /// patient; otherwise the first rule it fails. This runs for every service on every request,
    /// so it allocates nothing, and each rule sets its own bit rather than branching (pass or fail
    /// is close to random across a directory, and mispredicted branches are what cost time):
    /// the lowest bit set is the first rule failed, in the order of <see cref="All"/>.
    /// </summary>
    public static ExclusionReason? Check(PatientTraits patient, in CandidateTraits service, out Offer offer)
    {
        var formats = service.Formats & ~patient.AvoidFormats;
        var failed =
            Fails(!service.Active, ExclusionReason.NotActive)
            | Fails((patient.Age < service.MinAge) | (patient.Age > service.MaxAge), ExclusionReason.Age)
            | Fails(service.Full, ExclusionReason.Full)
            | Fails(formats == 0, ExclusionReason.AvoidedFormat)
            | Fails(service.CostRank > patient.CostLimitRank, ExclusionReason.Cost)
            | Fails(!service.Languages.Overlaps(patient.Spoken), ExclusionReason.Language);

        // Distance and venue access concern in-person formats only: a service that has remote
        // formats too loses its in-person ones instead of being excluded.
        var dropped = InPersonDropped.No;
        var haversine = double.NaN;
        if ((formats & FormatTable.InPerson) != 0 && Reach(patient, service, out haversine) is var reach and not InPersonDropped.No)
        {
            failed |= Fails((formats & FormatTable.Remote) == 0, reach == InPersonDropped.OutsideArea ? ExclusionReason.OutOfArea : ExclusionReason.TooFar);
            formats &= FormatTable.Remote;
            dropped = reach;
        }

        if ((formats & FormatTable.InPerson) != 0 && (service.Accessibility & patient.AccessNeeds) != patient.AccessNeeds)
        {
            failed |= Fails((formats & FormatTable.Remote) == 0, ExclusionReason.Access);
            formats &= FormatTable.Remote;
            dropped = InPersonDropped.AccessNotMet;
        }

        if (failed != 0)
        {
            offer = default;
            return (ExclusionReason)BitOperations.TrailingZeroCount(failed);
        }

        var distance = (formats & FormatTable.InPerson) != 0 ? UnitVector.KmFromHaversine(haversine) : double.NaN;
        offer = new Offer(formats, distance, dropped);
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Fails(bool failed, ExclusionReason reason) => (failed ? 1 : 0) << (int)reason;

    // Compares haversines, not kilometres: the same test, without trigonometry per candidate.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static InPersonDropped Reach(PatientTraits patient, in CandidateTraits service, out double haversine)
    {
        haversine = double.NaN;
        if (!service.HasVenue || !patient.HasLocation)
        {
            return InPersonDropped.DistanceUnknown;
        }

        haversine = patient.Location.HaversineTo(service.Venue);
        return haversine > patient.MaxTravelHaversine ? InPersonDropped.BeyondTravel
            : !service.National && haversine > service.AreaHaversine ? InPersonDropped.OutsideArea
            : InPersonDropped.No;
    }
}
