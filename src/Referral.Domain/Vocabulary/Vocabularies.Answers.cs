using Referral.Domain.Factors;

namespace Referral.Domain.Vocabulary;

/// <summary>
/// Codes the API only answers with, never accepts: they are still code lists a client branches
/// on, so they are published and stated in the contract like the others.
/// </summary>
public static partial class Vocabularies
{
    /// <summary>Which survey group's factor ranking applied: a profile's and a referral's <c>cohort</c>.</summary>
    public static readonly TermSet Cohorts = new("cohorts",
    [
        new(Cohort.NeverUsed.Code(), "Has not used peer support before"),
        new(Cohort.HasUsed.Code(), "Has used peer support before"),
        new(Cohort.Unknown.Code(), "Not known: the mean of both cohort priors applies"),
    ]);

    /// <summary>Where a factor's place in the cohort priors comes from: a factor's <c>source</c> or <c>priorSource</c>.</summary>
    public static readonly TermSet PriorSources = new("priorSources",
    [
        new("survey", "Published by the Q Improvement Lab survey (2018)"),
        new("assumption", "The product's assumption, drawn from the wider peer support literature"),
    ]);

    /// <summary>Where a factor's rank in a patient's weights comes from: a weight's <c>source</c>.</summary>
    public static readonly TermSet WeightSources = new("weightSources",
    [
        new("patient", "The patient ranked this factor"),
        new("cohort-prior", "The cohort prior placed this factor"),
    ]);

    /// <summary>How much a clinician's endorsement is likely to matter: a recommendation set's <c>endorsement.importance</c>.</summary>
    public static readonly TermSet EndorsementImportance = new("endorsementImportance",
    [
        new("high", "The GP's personal endorsement is likely to matter to this patient"),
        new("normal", "No more than for anyone else"),
    ]);

    /// <summary>Why the choice rule moved a service up a recommendation set: a set's <c>variety[].rule</c>.</summary>
    public static readonly TermSet VarietyRules = new("varietyRules",
    [
        new("local-and-remote", "So that the first three hold both a service the patient can attend in person and one they can use from home"),
        new("organisations", "So that no more than two of the first three come from one organisation"),
        new("formats", "So that the first three show more than one format"),
    ]);

    /// <summary>What an audit trail row records: its <c>action</c>.</summary>
    public static readonly TermSet AuditActions = new("auditActions",
    [
        new("referral-created", "The referral was made"),
        new("endorsed", "A clinician endorsed the service"),
        new("endorsement-withdrawn", "The endorsement was withdrawn"),
        new("status-changed", "The referral moved to a new status"),
        new("profile-erased", "The patient's profile was erased"),
        new("record-sharing-changed", "What goes back to the GP record was changed"),
        new("outcome-recorded", "Outcome measures (ONS4, UCLA-3) were recorded"),
    ]);
}
