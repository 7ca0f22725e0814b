using System.Runtime.CompilerServices;
using Referral.Domain.Factors;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;

namespace Referral.Matching.Factors;

internal static class ConvenientLocation
{
    public const string Code = DecisionFactors.ConvenientLocation;

    public const string Rule =
        "1 when a remote format is offered (no travel needed). Offered only in person: 1 in the patient's own district, " +
        "falling in a straight line to 0.25 at the furthest the patient will travel (district-centroid haversine distance; " +
        "further than that is excluded as too-far).";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) =>
        (offer.Formats & FormatTable.Remote) != 0
            ? 1
            : 1 - 0.75 * Math.Min(1, offer.DistanceKm / patient.MaxTravelKm);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer)
    {
        var remote = offer.Formats & FormatTable.Remote;
        var travel = $"the {patient.Patient.MaxTravelKm} km you said you would travel";
        if (remote == 0)
        {
            return offer.DistanceKm < 0.05
                ? $"In your own postcode district, within {travel}."
                : $"{Words.Km(offer.DistanceKm)} from your area, within {travel}.";
        }

        var remoteNames = FormatTable.Names(remote);
        return offer.Dropped switch
        {
            InPersonDropped.BeyondTravel => $"Offered to you as {remoteNames}: its venue is {Words.Km(patient.DistanceKmTo(service.Traits))} away, beyond {travel}.",
            InPersonDropped.OutsideArea => $"Offered to you as {remoteNames}: you live outside the {service.RadiusKm} km its venue serves.",
            InPersonDropped.DistanceUnknown => $"Offered to you as {remoteNames}: the distance to its venue is not known.",
            _ when offer.InPerson => $"{Words.Capitalise(remoteNames)}: no travel needed; its venue is also {Words.Km(offer.DistanceKm)} from your area.",
            _ => $"{Words.Capitalise(remoteNames)}: no travel needed.",
        };
    }
}
