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
    public static double Of(PatientTraits patient, in Offer offer) =>
        (offer.Formats & FormatTable.Remote) != 0
            ? 1
            : 1 - 0.75 * Math.Min(1, offer.DistanceKm / patient.MaxTravelKm);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Score(PatientTraits patient, in CandidateTraits service, in Offer offer) => Of(patient, offer);

    public static string Explain(PatientTraits patient, Candidate service, in Offer offer, double score)
    {
        var remote = offer.Formats & FormatTable.Remote;
        var travel = $"the {patient.Patient.MaxTravelKm} km you said you would travel";
        if (remote == 0)
        {
            var place = offer.DistanceKm < 0.05 ? "In your own postcode district" : $"{Words.Km(offer.DistanceKm)} from your area";
            var sentence = FitBands.Of(score) == FitBand.Poor
                ? $"{place}: within {travel}, but not far inside it"
                : $"{place}, within {travel}";
            var remoteArea = offer.RemoteOutsideArea
                ? $"; it offers {FormatTable.Names(service.Traits.Formats & FormatTable.Remote)} only to people within {service.RemoteRadiusKm} km of its venue"
                : string.Empty;
            return sentence + remoteArea + ".";
        }

        // A remote format scores 1, so these are all said as the good fit they are.
        var remoteNames = FormatTable.Names(remote);
        return offer.Dropped switch
        {
            InPersonDropped.BeyondTravel => $"Offered to you as {remoteNames}, from home: its venue is {Words.Km(patient.DistanceKmTo(service.Traits))} away, beyond {travel}.",
            InPersonDropped.OutsideArea => $"Offered to you as {remoteNames}, from home: you live outside the {service.RadiusKm} km its venue serves.",
            InPersonDropped.DistanceUnknown => $"Offered to you as {remoteNames}, from home: the distance to its venue is unknown.",
            _ when offer.InPerson => $"{Words.Capitalise(remoteNames)}: you can take part from home; its venue is also {Words.Km(offer.DistanceKm)} from your area.",
            _ => $"{Words.Capitalise(remoteNames)}: you can take part from home.",
        };
    }
}
