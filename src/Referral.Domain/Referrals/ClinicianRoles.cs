using Referral.Domain.Identifiers;

namespace Referral.Domain.Referrals;

/// <summary>Who may endorse a service, and the register each role must be on.</summary>
public static class ClinicianRoles
{
    public const string Gp = "gp";
    public const string Nurse = "nurse";
    public const string Pharmacist = "pharmacist";
    public const string LinkWorker = "link-worker";
    public const string Other = "other";

    /// <summary>
    /// The register a role's number must come from: a GP is on the GMC register, a nurse on the
    /// NMC's, a pharmacist on the GPhC's. Link workers are not a registered profession; "other"
    /// (e.g. a physiotherapist) may name any register.
    /// </summary>
    public static string? RequiredBody(string role) => role switch
    {
        Gp => ProfessionalRegistration.Gmc,
        Nurse => ProfessionalRegistration.Nmc,
        Pharmacist => ProfessionalRegistration.Gphc,
        _ => null,
    };

    public static bool NeedsRegistration(string role) => role != LinkWorker;
}
