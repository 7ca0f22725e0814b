using Referral.Domain;
using FluentValidation;
using Referral.Api.Validation;
using Referral.Domain.Identifiers;
using Referral.Domain.Referrals;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Referrals;

public static class ReferralDates
{
    /// <summary>No referral or endorsement in this product can predate it.</summary>
    public static readonly DateTimeOffset Earliest = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

public sealed class ReferralBodyValidator : AbstractValidator<ReferralBody>
{
    public ReferralBodyValidator(TimeProvider clock)
    {
        RuleFor(r => r.ProfileId).NotEmpty();
        RuleFor(r => r.ServiceId).NotEmpty();
        RuleFor(r => r.RecommendationId).NotEqual(Guid.Empty);
        RuleFor(r => r.Route).NotEmpty().In(Vocabularies.ReferralHandoffs);
        RuleFor(r => r.Source).NotEmpty().In(Vocabularies.ReferralSources);
        RuleFor(r => r.Endorsement!).SetValidator(new EndorsementBodyValidator(clock)).When(r => r.Endorsement is not null);
        RuleFor(r => r.RecordSharing).In(Vocabularies.RecordSharing).When(r => r.RecordSharing is not null);
    }
}

public sealed class EndorsementBodyValidator : AbstractValidator<EndorsementBody>
{
    public EndorsementBodyValidator(TimeProvider clock)
    {
        RuleFor(e => e.ClinicianName).NotEmpty().MaximumLength(100);
        RuleFor(e => e.Role).NotEmpty().In(Vocabularies.ClinicianRoles);
        RuleFor(e => e.Registration)
            .NotNull().WithMessage("'registration' is required: only link workers endorse without a professional registration.")
            .When(e => ClinicianRoles.NeedsRegistration(e.Role));
        RuleFor(e => e.Registration!.Body)
            .NotEmpty().In(Vocabularies.RegistrationBodies)
            .Must((e, body) => ClinicianRoles.RequiredBody(e.Role) is not { } required || body == required)
            .WithMessage(e => $"A {e.Role} endorses with their {ClinicianRoles.RequiredBody(e.Role)} registration.")
            .When(e => e.Registration is not null);
        RuleFor(e => e.Registration!.Number)
            .NotEmpty()
            .Must((e, number) => ProfessionalRegistration.IsValid(e.Registration!.Body, number))
            .WithMessage(e => $"'registration.number' is not a valid {e.Registration!.Body} number: {ProfessionalRegistration.Formats.GetValueOrDefault(e.Registration.Body, "see the registration body")}.")
            .When(e => e.Registration is not null && Vocabularies.RegistrationBodies.Contains(e.Registration.Body));
        RuleFor(e => e.Note).MaximumLength(500);
        RuleFor(e => e.EndorsedAt)
            .NotEqual(default(DateTimeOffset)).WithMessage("'endorsedAt' is required.")
            .GreaterThanOrEqualTo(ReferralDates.Earliest).WithMessage("'endorsedAt' is implausibly early.")
            .Must(t => t <= clock.GetUtcNow() + PracticeClock.Tolerance).WithMessage("'endorsedAt' cannot be in the future.");
    }
}

public sealed class StatusChangeBodyValidator : AbstractValidator<StatusChangeBody>
{
    public StatusChangeBodyValidator(TimeProvider clock)
    {
        RuleFor(c => c.Status).NotEmpty().In(Vocabularies.ReferralStatuses);
        RuleFor(c => c.Reason)
            .NotEmpty().WithMessage($"'reason' is required when a referral is declined: one of {Vocabularies.DeclineReasons.Describe()}.")
            .In(Vocabularies.DeclineReasons)
            .When(c => c.Status == ReferralStatuses.Declined);
        RuleFor(c => c.Reason).MaximumLength(200);
        RuleFor(c => c.OccurredAt)
            .NotEqual(default(DateTimeOffset)).WithMessage("'occurredAt' is required.")
            .GreaterThanOrEqualTo(ReferralDates.Earliest).WithMessage("'occurredAt' is implausibly early.")
            .Must(t => t <= clock.GetUtcNow() + PracticeClock.Tolerance).WithMessage("'occurredAt' cannot be in the future.");
    }
}

public sealed class WithdrawalBodyValidator : AbstractValidator<WithdrawalBody>
{
    public WithdrawalBodyValidator() => RuleFor(w => w.Reason).NotEmpty().MaximumLength(200);
}
