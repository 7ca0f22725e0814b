using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Referral.Api.OpenApi;
using Referral.Api.Validation;
using Referral.Domain;
using Referral.Domain.Outcomes;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Outcomes;

/// <summary>A set of outcome measures for a referral (POST /v1/referrals/{id}/outcomes). Rules: <see cref="OutcomeBodyValidator"/>.</summary>
[SchemaName("OutcomeInput")]
public sealed record OutcomeBody
{
    [Required]
    [Description("baseline (at referral, once, before the support starts) or follow-up (any time after the support started, as often as measured).")]
    [Vocabulary(OutcomeTimepoints.Baseline, OutcomeTimepoints.FollowUp)]
    public string Timepoint { get; init; } = string.Empty;

    [Required]
    [Description("ONS4 personal wellbeing: the four harmonised questions, each answered 0 (not at all) to 10 (completely).")]
    public Ons4Body Ons4 { get; init; } = null!;

    [MinLength(Domain.Personality.Ucla3.Items), MaxLength(Domain.Personality.Ucla3.Items)]
    [EachItem(Minimum = Domain.Personality.Ucla3.Min, Maximum = Domain.Personality.Ucla3.Max)]
    [Description("UCLA 3-item loneliness scale again, required at follow-up and not sent at baseline (the profile holds the first): three answers, 1 hardly ever, 2 some of the time, 3 often.")]
    public IReadOnlyList<int>? Ucla3 { get; init; }

    [Required, MaxLength(64)]
    [RegularExpression("^[A-Za-z0-9._/-]+$", ErrorMessage = "'{0}' may contain only letters, digits and . _ / -")]
    [Description("The practice's reference for the member of staff who took the measures (not their name).")]
    public string RecordedBy { get; init; } = string.Empty;

    [Required]
    [Description("When the patient answered: not in the future; a baseline not before the referral was made nor after the support started, a follow-up not before the support started.")]
    public DateTimeOffset MeasuredAt { get; init; }

    public OutcomeInput ToDomain() =>
        new(Timepoint, new Ons4Answers(Ons4.LifeSatisfaction, Ons4.Worthwhile, Ons4.Happiness, Ons4.Anxiety), Ucla3, RecordedBy, MeasuredAt);
}

/// <summary>ONS4 answers, in the harmonised wording.</summary>
[SchemaName("Ons4Answers")]
public sealed record Ons4Body
{
    [Required, Range(Domain.Outcomes.Ons4.Min, Domain.Outcomes.Ons4.Max)]
    [Description(Domain.Outcomes.Ons4.LifeSatisfaction + " 0 not at all, 10 completely.")]
    public int LifeSatisfaction { get; init; }

    [Required, Range(Domain.Outcomes.Ons4.Min, Domain.Outcomes.Ons4.Max)]
    [Description(Domain.Outcomes.Ons4.Worthwhile + " 0 not at all, 10 completely.")]
    public int Worthwhile { get; init; }

    [Required, Range(Domain.Outcomes.Ons4.Min, Domain.Outcomes.Ons4.Max)]
    [Description(Domain.Outcomes.Ons4.Happiness + " 0 not at all, 10 completely.")]
    public int Happiness { get; init; }

    [Required, Range(Domain.Outcomes.Ons4.Min, Domain.Outcomes.Ons4.Max)]
    [Description(Domain.Outcomes.Ons4.Anxiety)]
    public int Anxiety { get; init; }
}

public sealed class OutcomeBodyValidator : AbstractValidator<OutcomeBody>
{
    public OutcomeBodyValidator(TimeProvider clock)
    {
        RuleFor(b => b.Timepoint).NotEmpty()
            .Must(t => OutcomeTimepoints.All.Contains(t)).WithMessage($"'timepoint' must be one of: {string.Join(", ", OutcomeTimepoints.All)}.");
        RuleFor(b => b.Ons4).NotNull();
        RuleFor(b => b.Ucla3).NotNull().WithMessage("'ucla3' is required at follow-up.").When(b => b.Timepoint == OutcomeTimepoints.FollowUp);
        RuleFor(b => b.Ucla3).Null().WithMessage("'ucla3' is taken at follow-up only; the profile holds the first answers.").When(b => b.Timepoint == OutcomeTimepoints.Baseline);
        RuleFor(b => b.RecordedBy).NotEmpty().MaximumLength(64);
        RuleFor(b => b.MeasuredAt)
            .Must(at => at <= clock.GetUtcNow() + PracticeClock.Tolerance)
            .WithMessage("'measuredAt' may not be in the future.");
    }
}
