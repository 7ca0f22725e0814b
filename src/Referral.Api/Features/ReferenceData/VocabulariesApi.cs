using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.ReferenceData;

public sealed record FormatTerm(string Code, string Label, bool RealTime, bool InPerson, bool Group, double SocialIntensity);

public sealed record FactorTerm(string Code, string Meaning, int PriorRankNeverUsed, int PriorRankHasUsed, [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.PriorSources))] string Source);

/// <summary>Every code the API accepts, with its words. Codes are stable; new ones may be added.</summary>
public sealed record VocabularySet(
    IReadOnlyList<FormatTerm> Formats,
    IReadOnlyList<Term> Conditions,
    IReadOnlyList<Term> Communities,
    IReadOnlyList<Term> AccessibilityFeatures,
    IReadOnlyList<Term> ScheduleSlots,
    IReadOnlyList<Term> Languages,
    IReadOnlyList<Term> Costs,
    IReadOnlyList<Term> CapacityStatuses,
    IReadOnlyList<Term> EvidenceLevels,
    IReadOnlyList<Term> ReferralRoutes,
    IReadOnlyList<Term> ServiceStatuses,
    IReadOnlyList<FactorTerm> DecisionFactors,
    IReadOnlyList<Term> GenderEligibility,
    IReadOnlyList<Term> CostLimits,
    IReadOnlyList<Term> Genders,
    IReadOnlyList<Term> ReferralHandoffs,
    IReadOnlyList<Term> ReferralSources,
    IReadOnlyList<Term> ReferralStatuses,
    IReadOnlyList<Term> DeclineReasons,
    IReadOnlyList<Term> ClinicianRoles,
    IReadOnlyList<Term> RegistrationBodies,
    IReadOnlyList<Term> Cohorts,
    IReadOnlyList<Term> PriorSources,
    IReadOnlyList<Term> WeightSources,
    IReadOnlyList<Term> EndorsementImportance,
    IReadOnlyList<Term> VarietyRules,
    IReadOnlyList<Term> AuditActions,
    IReadOnlyList<Term> RecordSharing);

public static class VocabulariesApi
{
    private static readonly VocabularySet All = new(
        Formats.All.Select(f => new FormatTerm(f.Code, f.Label, f.RealTime, f.InPerson, f.Group, f.SocialIntensity)).ToList(),
        Vocabularies.Conditions.Terms,
        Vocabularies.Communities.Terms,
        Vocabularies.AccessibilityFeatures.Terms,
        Vocabularies.ScheduleSlots.Terms,
        Vocabularies.Languages.Terms,
        Vocabularies.Costs.Terms,
        Vocabularies.CapacityStatuses.Terms,
        Vocabularies.EvidenceLevels.Terms,
        Vocabularies.ReferralRoutes.Terms,
        Vocabularies.ServiceStatuses.Terms,
        Domain.Factors.DecisionFactors.All
            .Select(f => new FactorTerm(f.Code, f.Meaning, f.PriorRankNeverUsed, f.PriorRankHasUsed, f.Source == PriorSource.Survey ? "survey" : "assumption"))
            .ToList(),
        Vocabularies.GenderEligibility.Terms,
        Vocabularies.CostLimits.Terms,
        Vocabularies.Genders.Terms,
        Vocabularies.ReferralHandoffs.Terms,
        Vocabularies.ReferralSources.Terms,
        Vocabularies.ReferralStatuses.Terms,
        Vocabularies.DeclineReasons.Terms,
        Vocabularies.ClinicianRoles.Terms,
        Vocabularies.RegistrationBodies.Terms,
        Vocabularies.Cohorts.Terms,
        Vocabularies.PriorSources.Terms,
        Vocabularies.WeightSources.Terms,
        Vocabularies.EndorsementImportance.Terms,
        Vocabularies.VarietyRules.Terms,
        Vocabularies.AuditActions.Terms,
        Vocabularies.RecordSharing.Terms);

    public static IEndpointRouteBuilder MapVocabulariesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/vocabularies", GetVocabularies)
            .WithTags("Vocabularies")
            .WithName("GetVocabularies")
            .WithSummary("The controlled vocabularies")
            .WithDescription("Every code list the API accepts. For services: formats, conditions, communities, accessibility features, schedule slots, languages (ISO 639-1), costs, capacity statuses, evidence levels, referral routes (who may refer), service statuses and gender eligibility. Conditions and communities each carry a definition of what the code covers. For profiles: cost limits, genders (recorded only if the patient chooses) and the twelve decision factors with their cohort priors (factors whose source is 'assumption' are the product's own, not the survey's). For referrals: referral handoffs (the route of a referral), sources, statuses, decline reasons, clinician roles, registration bodies and record sharing (what may go back to the GP record). Codes the API only answers with: cohorts, prior sources, weight sources, endorsement importance, variety rules and audit actions.")
            .AllowAnonymous();
        return app;
    }

    public static Ok<VocabularySet> GetVocabularies() => TypedResults.Ok(All);
}
