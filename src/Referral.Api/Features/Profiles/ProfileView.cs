using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Referral.Domain.Factors;
using Referral.Domain.Personality;
using Referral.Domain.Profiles;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Profiles;

/// <summary>
/// A profile as the API returns it: the NHS number masked, the postcode as its district, and
/// what the engine derives from the answers (trait scores, loneliness, the weights it will use).
/// Sent back with PUT as it is, it changes nothing: the read-only fields are ignored, postcode is
/// the stored district, and the masked NHS number stands for the stored one.
/// </summary>
public sealed record ProfileView(
    [property: ReadOnly(true)] Guid Id,
    [property: ReadOnly(true)] int Version,
    string PatientRef,
    [property: Description("Masked: only the last four digits are ever returned, e.g. \"*** *** 5552\".")] string? NhsNumber,
    int BirthYear,
    [property: Description("The stored district: only the district of the postcode sent is kept.")] string Postcode,
    [property: ReadOnly(true), Description("Only the district of the postcode sent is kept.")] string PostcodeDistrict,
    int MaxTravelKm,
    [property: Description("Recorded only if the patient chose to give it; null when not recorded.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Genders))] string? Gender,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Conditions))] IReadOnlyList<string> Conditions,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Communities))] IReadOnlyList<string> Communities,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Languages))] IReadOnlyList<string> Languages,
    bool NeedsInterpreter,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.AccessibilityFeatures))] IReadOnlyList<string> AccessibilityNeeds,
    FormatPreferencesBody Formats,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ScheduleSlots))] IReadOnlyList<string> Availability,
    [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.CostLimits))] string CostLimit,
    bool? HasUsedPeerSupport,
    PersonalityView Personality,
    [property: Vocabulary(typeof(DecisionFactors), nameof(DecisionFactors.Terms))] IReadOnlyList<string>? FactorPriorities,
    [property: ReadOnly(true)] WeightsView Weights,
    ConsentBody Consent,
    [property: ReadOnly(true)] DateTimeOffset CreatedAt,
    [property: ReadOnly(true)] DateTimeOffset UpdatedAt)
{
    public static ProfileView From(Profile profile)
    {
        var d = profile.Details;
        return new ProfileView(
            profile.Id,
            profile.Version,
            d.PatientRef,
            profile.NhsNumber is null ? null : Domain.Identifiers.NhsNumber.Mask(profile.NhsNumber),
            d.BirthYear,
            profile.PostcodeDistrict,
            profile.PostcodeDistrict,
            d.MaxTravelKm,
            d.Gender,
            d.Conditions,
            d.Communities,
            d.Languages,
            d.NeedsInterpreter,
            d.AccessibilityNeeds,
            d.Formats.ToBody(),
            d.Availability,
            d.CostLimit,
            d.HasUsedPeerSupport,
            PersonalityView.From(d.Personality),
            d.FactorPriorities,
            WeightsView.From(FactorWeights.For(Cohorts.From(d.HasUsedPeerSupport), d.FactorPriorities)),
            d.Consent.ToBody(),
            profile.CreatedAt,
            profile.UpdatedAt);
    }
}

public sealed record PersonalityView(
    IReadOnlyList<int>? Tipi,
    [property: ReadOnly(true), Description("Big Five traits from 1.0 to 7.0, scored with the TIPI key (Gosling, Rentfrow and Swann 2003).")] TipiTraits? Traits,
    IReadOnlyList<int>? Ucla3,
    [property: ReadOnly(true), Description("UCLA-3 sum (3-9); a sum of 6 or more is read as lonely (Hughes et al. 2004).")] LonelinessScore? Loneliness)
{
    public static PersonalityView From(PersonalityAnswers? answers) => new(
        answers?.Tipi,
        answers?.Tipi is { } tipi ? Domain.Personality.Tipi.Score(tipi) : null,
        answers?.Ucla3,
        answers?.Ucla3 is { } ucla ? Domain.Personality.Ucla3.Score(ucla) : null);
}

/// <summary>The effective ranking of the twelve decision factors and the weights matching will use.</summary>
public sealed record WeightsView(
    [property: Description("never-used, has-used or unknown (from hasUsedPeerSupport): selects the cohort prior.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.Cohorts))] string Cohort,
    string Method,
    string Note,
    IReadOnlyList<FactorWeightView> Factors)
{
    public const string MethodText =
        "Rank Order Centroid (Barron and Barrett 1996): the factor ranked i of n gets (1/n) * sum over k = i..n of 1/k; weights sum to 1. " +
        "The patient's own priorities come first in their order; the other factors follow the cohort prior. " +
        "With no priorities and an unknown cohort, each weight is the mean of the two priors' weights.";

    public const string NoteText =
        "Four factors' places in the cohort priors come from the Q Improvement Lab survey (2018, 2,666 people); " +
        "the other eight are the product's assumption, drawn from the wider peer support literature (priorSource 'assumption').";

    public static WeightsView From(EffectiveWeights weights) => new(
        weights.Cohort.Code(),
        MethodText,
        NoteText,
        weights.Factors.Select(f => new FactorWeightView(
            f.Factor,
            f.Rank,
            Math.Round(f.Weight, 6),
            f.Source == WeightSource.Patient ? "patient" : "cohort-prior",
            f.PriorSource == PriorSource.Survey ? "survey" : "assumption")).ToList());
}

public sealed record FactorWeightView(
    [property: Vocabulary(typeof(DecisionFactors), nameof(DecisionFactors.Terms))] string Factor,
    int Rank,
    double Weight,
    [property: Description("patient when the patient ranked this factor, else cohort-prior.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.WeightSources))] string Source,
    [property: Description("survey when the factor's prior rank was published by the survey, else assumption.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.PriorSources))] string PriorSource);
