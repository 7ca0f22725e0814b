using Referral.Domain.Identifiers;
using Referral.Domain.Referrals;

namespace Referral.Domain.Vocabulary;

/// <summary>The codes of referrals, endorsements and what a patient can afford.</summary>
public static partial class Vocabularies
{
    /// <summary>How a referral reaches the service: the referral's <c>route</c>.</summary>
    public static readonly TermSet ReferralHandoffs = new("referralHandoffs",
    [
        new("signpost", "The patient contacts the service"),
        new("direct", "The practice passes the patient's contact to the service (needs consent to share)"),
    ]);

    /// <summary>Who made a referral: the referral's <c>source</c>.</summary>
    public static readonly TermSet ReferralSources = new("referralSources",
    [
        new("gp", "A GP"),
        new("nurse", "A practice nurse"),
        new("link-worker", "A social prescribing link worker"),
        new("self", "The patient, through the practice"),
    ]);

    public static readonly TermSet ClinicianRoles = new("clinicianRoles",
    [
        new(Referrals.ClinicianRoles.Gp, "A GP (GMC registered)"),
        new(Referrals.ClinicianRoles.Nurse, "A nurse (NMC registered)"),
        new(Referrals.ClinicianRoles.Pharmacist, "A pharmacist (GPhC registered)"),
        new(Referrals.ClinicianRoles.LinkWorker, "A social prescribing link worker (no professional register)"),
        new(Referrals.ClinicianRoles.Other, "Another registered clinician, e.g. a physiotherapist (any register)"),
    ]);

    public static readonly TermSet RegistrationBodies = new("registrationBodies",
    [
        new(ProfessionalRegistration.Gmc, "General Medical Council: " + ProfessionalRegistration.Formats[ProfessionalRegistration.Gmc]),
        new(ProfessionalRegistration.Nmc, "Nursing and Midwifery Council: " + ProfessionalRegistration.Formats[ProfessionalRegistration.Nmc]),
        new(ProfessionalRegistration.Hcpc, "Health and Care Professions Council: " + ProfessionalRegistration.Formats[ProfessionalRegistration.Hcpc]),
        new(ProfessionalRegistration.Gphc, "General Pharmaceutical Council: " + ProfessionalRegistration.Formats[ProfessionalRegistration.Gphc]),
    ]);

    public static readonly TermSet ReferralStatuses = new("referralStatuses",
    [
        new(Referrals.ReferralStatuses.Proposed, "Proposed: made, not yet passed on"),
        new(Referrals.ReferralStatuses.Offered, "Offered: the patient has the service's details, or the service the patient's"),
        new(Referrals.ReferralStatuses.Contacted, "Contacted: the patient and the service have been in touch"),
        new(Referrals.ReferralStatuses.Started, "Started: the patient has taken part at least once"),
        new(Referrals.ReferralStatuses.Completed, "Completed: the patient took part as planned (closes the referral)"),
        new(Referrals.ReferralStatuses.Declined, "Declined by the patient, with a reason code (closes the referral)"),
        new(Referrals.ReferralStatuses.NotContactable, "The service could not reach the patient (closes the referral)"),
        new(Referrals.ReferralStatuses.NoCapacity, "The service had no room (closes the referral)"),
        new(Referrals.ReferralStatuses.DroppedOut, "The patient stopped after starting (closes the referral)"),
        new(Referrals.ReferralStatuses.Withdrawn, "Withdrawn by the practice (closes the referral)"),
    ]);

    public static readonly TermSet DeclineReasons = new("declineReasons",
    [
        new("not-for-me", "Peer support is not for them"),
        new("format", "The format does not suit them"),
        new("time", "The times do not suit them"),
        new("distance", "Too far to travel"),
        new("cost", "It costs too much"),
        new("other", "Another reason"),
    ]);

    /// <summary>What a patient can afford: the profile's <c>costLimit</c>.</summary>
    public static readonly TermSet CostLimits = new("costLimits",
    [
        new("free", "Only free services"),
        new("low-cost", "Free or low-cost services"),
        new("any", "Any cost"),
    ]);
}
