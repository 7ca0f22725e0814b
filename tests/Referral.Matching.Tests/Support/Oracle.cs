using Referral.Domain.Vocabulary;

namespace Referral.Matching.Tests.Support;

/// <summary>
/// The hard constraints written again, plainly, from the product issues and over the services as
/// described rather than as compiled, so the engine's bit sets are checked against the rules.
/// </summary>
internal static class Oracle
{
    public static readonly string[] ReasonCodes =
        ["not-active", "age", "gender", "full", "other-needs", "avoided-format", "too-far", "out-of-area", "cost", "language", "access"];

    /// <summary>The first rule the service fails, or null with the formats it is offered in.</summary>
    public static (string? Reason, IReadOnlyList<string> Offered) Check(Patient patient, ServiceSpec service, DateOnly asOf)
    {
        var none = (IReadOnlyList<string>)[];
        if (service.Status != "active")
        {
            return ("not-active", none);
        }

        var age = asOf.Year - patient.BirthYear;
        if (age < (service.MinAge ?? 0) || age > (service.MaxAge ?? 999))
        {
            return ("age", none);
        }

        if ((service.Gender == "women" && patient.Gender == "man") || (service.Gender == "men" && patient.Gender == "woman"))
        {
            return ("gender", none);
        }

        if (service.Capacity == "full")
        {
            return ("full", none);
        }

        if (!IsRelevant(patient, service))
        {
            return ("other-needs", none);
        }

        var offered = service.Formats.Where(f => !patient.AvoidFormats.Contains(f)).ToList();
        if (offered.Count == 0)
        {
            return ("avoided-format", none);
        }

        // Distance, areas and venue access take formats away; a service left with none fails
        // each rule that took one, and is counted under the first of them.
        bool IsInPerson(string format) => Formats.Find(format)!.InPerson;
        double? km = service.Venue is { } venue && patient.Location is { } home ? home.DistanceKmTo(venue) : null;
        var took = new List<string>();
        if (offered.Any(IsInPerson))
        {
            var reason = km is null || km > patient.MaxTravelKm ? "too-far"
                : !service.National && km > service.RadiusKm ? "out-of-area"
                : null;
            if (reason is not null)
            {
                took.Add(reason);
                offered.RemoveAll(IsInPerson);
            }
        }

        // Remote formats offered only within a radius of the venue: outside it, or with no
        // distance to go on, they are not offered.
        if (offered.Any(f => !IsInPerson(f)) && service.RemoteRadiusKm is { } remoteRadius && !(km <= remoteRadius))
        {
            took.Add("out-of-area");
            offered.RemoveAll(f => !IsInPerson(f));
        }

        if (offered.Any(IsInPerson) && patient.AccessibilityNeeds.Except(Accessibility(service)).Any())
        {
            took.Add("access");
            offered.RemoveAll(IsInPerson);
        }

        // Every rule the service fails, of those left: the first in the published order counts.
        var fails = offered.Count == 0 ? took : [];
        var limit = Array.IndexOf(["free", "low-cost", "any"], patient.CostLimit);
        if (Array.IndexOf(["free", "low-cost", "paid"], service.Cost) > (limit < 0 ? 2 : limit))
        {
            fails.Add("cost");
        }

        var spoken = patient.NeedsInterpreter ? patient.Languages : patient.Languages.Append("en");
        if (!service.Languages.Intersect(spoken).Any())
        {
            fails.Add("language");
        }

        if (fails.Count > 0)
        {
            return (fails.MinBy(f => Array.IndexOf(ReasonCodes, f)), none);
        }

        return (null, offered);
    }

    /// <summary>Aimed at one of the patient's conditions or communities, open to any condition, or the patient named none.</summary>
    public static bool IsRelevant(Patient patient, ServiceSpec service) =>
        patient.Conditions.Count == 0
        || service.Conditions.Length == 0
        || service.Conditions.Intersect(patient.Conditions).Any()
        || service.Communities.Intersect(patient.Communities).Any();

    /// <summary>What the venue offers, a wheelchair-accessible venue counting as step-free.</summary>
    public static IEnumerable<string> Accessibility(ServiceSpec service) =>
        service.Accessibility.Contains("wheelchair-accessible") ? service.Accessibility.Append("step-free-access") : service.Accessibility;
}
