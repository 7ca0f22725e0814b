using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Data.Referrals;
using Referral.Api.Problems;

namespace Referral.Api.Features.Referrals;

/// <summary>The problem a client gets for each refusal of the referral rules.</summary>
public static class ReferralProblems
{
    public static ProblemHttpResult For(ReferralCreation refusal) => refusal switch
    {
        ReferralCreation.ConsentNeeded => Problem.Unprocessable("Consent needed", "A direct referral passes the patient's contact details to the service, which needs consent.shareWithProvider on the profile. Use route signpost, or record the patient's consent first."),
        ReferralCreation.ServiceUnavailable { Status: null } => Problem.Unprocessable("Service not available", "No service with that serviceId exists."),
        ReferralCreation.ServiceUnavailable unavailable => Problem.Unprocessable("Service not available", $"The service is {unavailable.Status}: only an active service takes referrals."),
        ReferralCreation.UnknownRecommendation => Problem.Unprocessable("Unknown recommendation set", "Your practice has no recommendation set with that recommendationId for this profile."),
        ReferralCreation.ProfileChanged => Problem.Unprocessable("Profile changing", "The profile kept changing while the referral was being made. Send the request again."),
        _ => Problem.Unprocessable("Unknown profile", "Your practice has no profile with that profileId."),
    };

    public static ProblemHttpResult For(ReferralChange refusal)
    {
        switch (refusal)
        {
            case ReferralChange.NotAllowed notAllowed:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Status change not allowed",
                    detail: notAllowed.AllowedNext.Count == 0
                        ? $"The referral is {notAllowed.CurrentStatus}, which is final: it cannot move on."
                        : $"A {notAllowed.CurrentStatus} referral can move only to: {string.Join(", ", notAllowed.AllowedNext)}.",
                    extensions: new Dictionary<string, object?> { ["currentStatus"] = notAllowed.CurrentStatus, ["allowedNext"] = notAllowed.AllowedNext });
            case ReferralChange.OutOfOrder outOfOrder:
                return Problem.Unprocessable("Out of order", $"occurredAt is before the referral's previous event ({outOfOrder.Latest:O}).");
            case ReferralChange.VersionMismatch mismatch:
                return Problem.PreconditionFailed(Http.ETags.For(mismatch.CurrentVersion));
            case ReferralChange.ProfileErased:
                return Problem.Unprocessable("Profile erased", "The patient's profile was erased, so this referral can no longer be endorsed.");
            case ReferralChange.ServiceClosed:
                return Problem.Unprocessable("Service closed", "The service has been retired from the directory, so it can no longer be endorsed.");
            case ReferralChange.EndorsementConflict conflict:
                return Problem.Conflict("Endorsement conflict", conflict.Detail);
            default:
                return Problem.NotFound("referral");
        }
    }
}
