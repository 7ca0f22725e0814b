using Referral.Domain.GpRecord;
using Referral.Domain.Referrals;

namespace Referral.Api.Features.Referrals;

/// <summary>
/// The wire's referral bodies to the domain's records, member by member: a property added to a
/// body reaches neither the referral rules nor storage until it is mapped here
/// (MappingRoundTripTests fails until it is).
/// </summary>
public static class ReferralMapping
{
    public static ReferralInput ToDomain(this ReferralBody body) => new()
    {
        ProfileId = body.ProfileId,
        ServiceId = body.ServiceId,
        RecommendationId = body.RecommendationId,
        Route = body.Route,
        Source = body.Source,
        Endorsement = body.Endorsement?.ToDomain(),
        RecordSharing = body.RecordSharing ?? RecordSharing.Default,
    };

    public static EndorsementInput ToDomain(this EndorsementBody body) => new()
    {
        ClinicianName = body.ClinicianName,
        Role = body.Role,
        Registration = body.Registration is { } registration
            ? new RegistrationInput { Body = registration.Body, Number = registration.Number }
            : null,
        Note = body.Note,
        EndorsedAt = body.EndorsedAt,
    };

    public static StatusChangeInput ToDomain(this StatusChangeBody body) => new()
    {
        Status = body.Status,
        Reason = body.Reason,
        OccurredAt = body.OccurredAt,
    };
}
