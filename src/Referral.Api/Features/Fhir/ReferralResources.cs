using Hl7.Fhir.Model;
using Referral.Api.Features.GpRecord;
using Referral.Domain.GpRecord;
using Referral.Domain.Vocabulary;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Referral.Api.Features.Fhir;

/// <summary>
/// A referral as FHIR R4 UK Core resources: the ServiceRequest (the request) and the Task (its
/// lifecycle). Built from <see cref="SharedReferral"/> only, so the patient's choice of what goes
/// back to the GP record holds here as in every other output.
/// </summary>
public static class ReferralResources
{
    public static ServiceRequest ServiceRequest(SharedReferral referral)
    {
        var request = new ServiceRequest
        {
            Id = referral.ReferralId.ToString(),
            Meta = new Meta { Profile = [UkCoreProfiles.ServiceRequest], LastUpdated = referral.UpdatedAt },
            Identifier = [new Identifier(FhirSystems.ReferralId, referral.ReferralId.ToString())],
            Status = FhirStatusMap.ServiceRequest[referral.Status],
            Intent = RequestIntent.Order,
            Category = [Snomed(GpRecordCodes.PatientReferral)],
            Priority = RequestPriority.Routine,
            Code = Snomed(GpRecordCodes.ReferralToSocialPrescribing),
            Subject = Patient(referral),
            AuthoredOn = new FhirDateTime(referral.CreatedAt).Value,
            Requester = Practice(referral.Practice),
            Performer = [Service(referral.Service)],
        };

        // The endorsement's words and the clinician's name are free text and a name: full summary only.
        if (referral.Endorsement is { Note: { Length: > 0 } note } endorsement)
        {
            request.Note =
            [
                new Annotation
                {
                    Author = endorsement.ClinicianName is { } name ? new FhirString(Clinician(name, endorsement)) : null,
                    Time = new FhirDateTime(endorsement.EndorsedAt).Value,
                    Text = new Markdown(note),
                },
            ];
        }

        return request;
    }

    public static FhirTask Task(SharedReferral referral)
    {
        var statusLabel = Vocabularies.ReferralStatuses.Terms.First(t => t.Code == referral.Status).Label;
        var task = new FhirTask
        {
            Id = referral.ReferralId.ToString(),
            Meta = new Meta { Profile = [UkCoreProfiles.Task], LastUpdated = referral.UpdatedAt },
            Identifier = [new Identifier(FhirSystems.ReferralId, referral.ReferralId.ToString())],
            Status = FhirStatusMap.Task[referral.Status],
            BusinessStatus = Coded(FhirSystems.Vocabulary(Vocabularies.ReferralStatuses.Name), referral.Status, statusLabel),
            Intent = FhirTask.TaskIntent.Order,
            Priority = RequestPriority.Routine,
            Code = Coded(FhirSystems.TaskCode, "fulfill", "Fulfill the focal request"),
            Focus = new ResourceReference($"ServiceRequest/{referral.ReferralId}"),
            For = Patient(referral),
            AuthoredOn = new FhirDateTime(referral.CreatedAt).Value,
            LastModified = new FhirDateTime(referral.History[^1].OccurredAt).Value,
            Requester = Practice(referral.Practice),
            Owner = Service(referral.Service),
            ExecutionPeriod = new Period
            {
                // The earliest event: the first is stamped by the server's clock, the rest by the
                // practice's, which may run up to PracticeClock.Tolerance behind it.
                Start = new FhirDateTime(referral.History.Min(e => e.OccurredAt)).Value,
                End = referral.ClosedAt is { } closed ? new FhirDateTime(closed).Value : null,
            },
        };

        if (referral.DeclineReason is { } reason)
        {
            var label = Vocabularies.DeclineReasons.Terms.First(t => t.Code == reason).Label;
            task.StatusReason = Coded(FhirSystems.Vocabulary(Vocabularies.DeclineReasons.Name), reason, label);
        }

        return task;
    }

    /// <summary>The patient by NHS number; by the practice's own reference without one; by nothing once erased.</summary>
    public static ResourceReference Patient(SharedReferral referral) => referral.Patient switch
    {
        { NhsNumber: { } nhs } => new ResourceReference { Type = "Patient", Identifier = new Identifier(FhirSystems.NhsNumber, nhs) },
        { PatientRef: { } local } => new ResourceReference { Type = "Patient", Identifier = new Identifier(FhirSystems.PatientReference(referral.Practice), local) },
        _ => new ResourceReference { Type = "Patient", Display = "Patient profile erased" },
    };

    /// <summary>A GP practice by its ODS code.</summary>
    public static ResourceReference Practice(string odsCode) =>
        new() { Type = "Organization", Identifier = new Identifier(FhirSystems.OdsOrganisation, odsCode) };

    public static CodeableConcept Snomed(SnomedConcept concept) => Coded(SnomedConcept.System, concept.ConceptId, concept.PreferredTerm);

    public static CodeableConcept Coded(string system, string code, string display) =>
        new() { Coding = [new Coding(system, code, display)] };

    private static ResourceReference Service(SharedService service) =>
        new($"HealthcareService/{service.Id}") { Display = service.Name };

    private static string Clinician(string name, SharedEndorsement endorsement) =>
        endorsement.RegistrationBody is { } body && endorsement.RegistrationNumber is { } number
            ? $"{name} ({body.ToUpperInvariant()} {number})"
            : name;
}
