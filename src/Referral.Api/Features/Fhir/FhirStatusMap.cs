using Hl7.Fhir.Model;
using Referral.Domain.Referrals;

namespace Referral.Api.Features.Fhir;

/// <summary>
/// Our referral statuses as FHIR statuses (the README's table). The ServiceRequest says whether
/// the request stands; the Task carries the lifecycle, in HL7 Gravity's closed-loop referral
/// terms. Nothing is lost: the Task's businessStatus is always our own status code.
/// </summary>
public static class FhirStatusMap
{
    public static readonly IReadOnlyDictionary<string, RequestStatus> ServiceRequest = new Dictionary<string, RequestStatus>
    {
        [ReferralStatuses.Proposed] = RequestStatus.Active,
        [ReferralStatuses.Offered] = RequestStatus.Active,
        [ReferralStatuses.Contacted] = RequestStatus.Active,
        [ReferralStatuses.Started] = RequestStatus.Active,
        [ReferralStatuses.Completed] = RequestStatus.Completed,
        // Ended before the support was given: the request no longer stands.
        [ReferralStatuses.Declined] = RequestStatus.Revoked,
        [ReferralStatuses.NotContactable] = RequestStatus.Revoked,
        [ReferralStatuses.NoCapacity] = RequestStatus.Revoked,
        [ReferralStatuses.DroppedOut] = RequestStatus.Revoked,
        [ReferralStatuses.Withdrawn] = RequestStatus.Revoked,
    };

    public static readonly IReadOnlyDictionary<string, Hl7.Fhir.Model.Task.TaskStatus> Task = new Dictionary<string, Hl7.Fhir.Model.Task.TaskStatus>
    {
        [ReferralStatuses.Proposed] = Hl7.Fhir.Model.Task.TaskStatus.Requested,
        // The patient has the service's details, or the service the patient's: it is with them now.
        [ReferralStatuses.Offered] = Hl7.Fhir.Model.Task.TaskStatus.Received,
        [ReferralStatuses.Contacted] = Hl7.Fhir.Model.Task.TaskStatus.Accepted,
        [ReferralStatuses.Started] = Hl7.Fhir.Model.Task.TaskStatus.InProgress,
        [ReferralStatuses.Completed] = Hl7.Fhir.Model.Task.TaskStatus.Completed,
        // The patient said no: not done, by the patient's choice (the reason code is the statusReason).
        [ReferralStatuses.Declined] = Hl7.Fhir.Model.Task.TaskStatus.Cancelled,
        // Attempted, and could not be carried out.
        [ReferralStatuses.NotContactable] = Hl7.Fhir.Model.Task.TaskStatus.Failed,
        // The performer turned it down before doing anything.
        [ReferralStatuses.NoCapacity] = Hl7.Fhir.Model.Task.TaskStatus.Rejected,
        [ReferralStatuses.DroppedOut] = Hl7.Fhir.Model.Task.TaskStatus.Failed,
        // The requester called it off.
        [ReferralStatuses.Withdrawn] = Hl7.Fhir.Model.Task.TaskStatus.Cancelled,
    };

    /// <summary>Our statuses that a FHIR ServiceRequest status stands for (empty for one we never use).</summary>
    public static IReadOnlyList<string> StatusesOf(RequestStatus status) =>
        ServiceRequest.Where(m => m.Value == status).Select(m => m.Key).ToList();

    public static IReadOnlyList<string> StatusesOf(Hl7.Fhir.Model.Task.TaskStatus status) =>
        Task.Where(m => m.Value == status).Select(m => m.Key).ToList();
}
