using Referral.Domain.Referrals;

namespace Referral.Domain.GpRecord;

/// <summary>
/// The SNOMED CT concept a GP record files for each referral event, where one is published for
/// it. Only concepts that can be cited from a published NHS or SNOMED source are used: an event
/// with no such concept stays uncoded, because a guessed code files the wrong fact in a record
/// that outlives this service.
/// </summary>
public static class GpRecordCodes
{
    // SNOMED CT UK Clinical Extension (NHS England, TRUD), concept 871731000000106. Named as the
    // national code for a referral to social prescribing in NHS England's social prescribing
    // guidance for primary care networks (Network Contract DES, social prescribing link worker
    // reference guide, technical annex), which asks practices to record these referrals with it.
    public static readonly SnomedConcept ReferralToSocialPrescribing = new("871731000000106", "Referral to social prescribing service");

    // SNOMED CT UK Clinical Extension (NHS England, TRUD), concept 871711000000103. Named in the
    // same NHS England guidance as the national code for a person declining social prescribing.
    public static readonly SnomedConcept SocialPrescribingDeclined = new("871711000000103", "Social prescribing declined");

    // SNOMED CT International Edition, concept 3457005 |Patient referral (procedure)|: the top of
    // SNOMED CT's patient referral hierarchy, the root of HL7 FHIR's "SNOMED CT Patient Referral"
    // value set (http://hl7.org/fhir/ValueSet/referral-type). Used as a ServiceRequest category,
    // never filed as an event.
    public static readonly SnomedConcept PatientReferral = new("3457005", "Patient referral");

    // Deliberately uncoded: offered, contacted, started, completed, not-contactable, no-capacity,
    // dropped-out and withdrawn. No UK concept for these steps of a social prescribing or peer
    // support referral was found in a published NHS or SNOMED source; 461481000124109 ("referral
    // to peer support") is in the US extension and must not be filed in an English record.

    /// <summary>The concept to file for a referral that reached this status, or null when the event is not coded.</summary>
    public static SnomedConcept? For(string status) => status switch
    {
        ReferralStatuses.Proposed => ReferralToSocialPrescribing,
        ReferralStatuses.Declined => SocialPrescribingDeclined,
        _ => null,
    };
}
