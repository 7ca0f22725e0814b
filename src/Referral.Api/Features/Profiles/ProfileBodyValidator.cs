using Referral.Domain;
using FluentValidation;
using Referral.Api.Validation;
using Referral.Domain.Factors;
using Referral.Domain.Geography;
using Referral.Domain.Identifiers;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Profiles;

/// <summary>
/// Profile rules. Messages never repeat the value sent: a profile is personal data, and error
/// messages end up in practice system logs.
/// </summary>
public sealed class ProfileBodyValidator : AbstractValidator<ProfileBody>
{
    public ProfileBodyValidator(PostcodeDistricts districts, TimeProvider clock)
    {
        RuleFor(p => p.PatientRef).NotEmpty();
        // The masked form is what GET returns; ReplaceProfile keeps the stored number for it.
        RuleFor(p => p.NhsNumber)
            .Must(n => NhsNumber.IsValid(n) || ProfileMapping.IsMasked(n))
            .WithMessage("'nhsNumber' is not a valid NHS number: it needs 10 digits whose last is the Modulus 11 check digit.")
            .When(p => p.NhsNumber is not null);
        // The year is read per request: validators live as long as the process, across New Year.
        RuleFor(p => p.BirthYear)
            .Must(year => year <= clock.GetUtcNow().Year && year >= clock.GetUtcNow().Year - 120)
            .WithMessage(_ => $"'birthYear' must be between {clock.GetUtcNow().Year - 120} and {clock.GetUtcNow().Year}: not in the future, not over 120 years ago.");
        RuleFor(p => p.Postcode)
            .NotEmpty()
            .Must(p => districts.TryLocate(p, out _, out _))
            .WithMessage("'postcode' must be a UK postcode or postcode district that exists, such as 'LS1 4AP' or 'LS1'.");
        RuleFor(p => p.Gender).In(Vocabularies.Genders);
        RuleFor(p => p.Conditions).Codes(Vocabularies.Conditions);
        RuleFor(p => p.Communities).Codes(Vocabularies.Communities);
        RuleFor(p => p.Languages).Codes(Vocabularies.Languages);
        RuleFor(p => p.AccessibilityNeeds).Codes(Vocabularies.AccessibilityFeatures);
        RuleFor(p => p.Availability).Codes(Vocabularies.ScheduleSlots);
        RuleFor(p => p.CostLimit).NotEmpty().In(Vocabularies.CostLimits);
        RuleFor(p => p.Formats).NotNull().SetValidator(new FormatPreferencesValidator());
        RuleFor(p => p.FactorPriorities!).Codes(DecisionFactors.Terms).When(p => p.FactorPriorities is not null);
        RuleFor(p => p.Consent).NotNull().SetValidator(new ConsentValidator(clock));
    }

    private sealed class FormatPreferencesValidator : AbstractValidator<FormatPreferencesBody>
    {
        public FormatPreferencesValidator()
        {
            RuleFor(f => f.Preferred).Codes(Formats.Terms);
            RuleFor(f => f.Avoid).Codes(Formats.Terms)
                .Must((f, avoid) => f.Preferred is null || avoid is null || !avoid.Intersect(f.Preferred).Any())
                .WithMessage((f, avoid) => $"'formats.avoid' and 'formats.preferred' both list {string.Join(", ", avoid.Intersect(f.Preferred))}: a format cannot be both.");
        }
    }

    private sealed class ConsentValidator : AbstractValidator<ConsentBody>
    {
        public ConsentValidator(TimeProvider clock)
        {
            RuleFor(c => c.RecordedBy).NotEmpty();
            RuleFor(c => c.RecordedAt)
                .NotEqual(default(DateTimeOffset)).WithMessage("'consent.recordedAt' is required.")
                .Must(t => t <= clock.GetUtcNow() + PracticeClock.Tolerance).WithMessage("'consent.recordedAt' cannot be in the future.");
        }
    }
}
