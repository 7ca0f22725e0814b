using Referral.Domain.Vocabulary;

namespace Referral.Matching.Tests.Support;

/// <summary>
/// The hard constraints written again, plainly, from the product issue and over the services as
/// described rather than as compiled, so the engine's bit sets are checked against the rules.
/// </summary>
internal static class Oracle
{
    public static readonly string[] ReasonCodes =
        ["not-active", "age", "full", "avoided-format", "too-far", "out-of-area", "cost", "language", "access"];

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

        if (service.Capacity == "full")
        {
            return ("full", none);
        }

        var offered = service.Formats.Where(f => !patient.AvoidFormats.Contains(f)).ToList();
        if (offered.Count == 0)
        {
            return ("avoided-format", none);
        }

        bool IsInPerson(string format) => Formats.Find(format)!.InPerson;
        if (offered.Any(IsInPerson))
        {
            double? km = service.Venue is { } venue && patient.Location is { } home ? home.DistanceKmTo(venue) : null;
            var reason = km is null || km > patient.MaxTravelKm ? "too-far"
                : !service.National && km > service.RadiusKm ? "out-of-area"
                : null;
            if (reason is not null)
            {
                if (offered.All(IsInPerson))
                {
                    return (reason, none);
                }

                offered.RemoveAll(IsInPerson);
            }
        }

        var limit = Array.IndexOf(["free", "low-cost", "any"], patient.CostLimit);
        if (Array.IndexOf(["free", "low-cost", "paid"], service.Cost) > (limit < 0 ? 2 : limit))
        {
            return ("cost", none);
        }

        var spoken = patient.NeedsInterpreter ? patient.Languages : patient.Languages.Append("en");
        if (!service.Languages.Intersect(spoken).Any())
        {
            return ("language", none);
        }

        if (offered.Any(IsInPerson) && patient.AccessibilityNeeds.Except(service.Accessibility).Any())
        {
            if (offered.All(IsInPerson))
            {
                return ("access", none);
            }

            offered.RemoveAll(IsInPerson);
        }

        return (null, offered);
    }
}
