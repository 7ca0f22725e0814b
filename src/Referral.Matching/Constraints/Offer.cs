using Referral.Matching.Compiled;

namespace Referral.Matching.Constraints;

/// <summary>Why a service that passed the constraints is offered without its in-person formats.</summary>
internal enum InPersonDropped
{
    No,
    BeyondTravel,
    OutsideArea,
    DistanceUnknown,
    AccessNotMet,
}

/// <summary>
/// What an eligible service offers this patient: its formats less those the patient avoids, any
/// in-person formats they cannot get to or use, and any remote formats offered only to an area
/// they live outside (<paramref name="RemoteOutsideArea"/>). The distance to its venue is worked
/// out only when an in-person format is still offered (NaN otherwise), because only then does it score.
/// </summary>
internal readonly record struct Offer(int Formats, double DistanceKm, InPersonDropped Dropped, bool RemoteOutsideArea = false)
{
    public bool InPerson => (Formats & FormatTable.InPerson) != 0;

    public bool Remote => (Formats & FormatTable.Remote) != 0;
}
