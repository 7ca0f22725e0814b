using FluentValidation;
using Referral.Api.Validation;
using Referral.Domain.Geography;
using Referral.Domain.Identifiers;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Services;

public sealed class ServiceBodyValidator : AbstractValidator<ServiceBody>
{
    public ServiceBodyValidator(PostcodeDistricts districts, TimeProvider clock)
    {
        RuleFor(s => s.Name).NotEmpty();
        RuleFor(s => s.Description).NotEmpty();
        RuleFor(s => s.Organisation).NotNull().SetValidator(new OrganisationValidator());
        RuleFor(s => s.Conditions).Codes(Vocabularies.Conditions);
        RuleFor(s => s.Communities).Codes(Vocabularies.Communities);
        RuleFor(s => s.Formats).Codes(Formats.Terms);
        RuleFor(s => s.Schedule).Codes(Vocabularies.ScheduleSlots);
        RuleFor(s => s.Languages).Codes(Vocabularies.Languages);
        RuleFor(s => s.Accessibility).Codes(Vocabularies.AccessibilityFeatures);
        RuleFor(s => s.Cost).NotEmpty().In(Vocabularies.Costs);
        RuleFor(s => s.ReferralRoutes).Codes(Vocabularies.ReferralRoutes);
        RuleFor(s => s.Status).NotEmpty().In(Vocabularies.ServiceStatuses);
        RuleFor(s => s.Eligibility).NotNull().SetValidator(new EligibilityValidator());
        RuleFor(s => s.Capacity).NotNull().SetValidator(new CapacityValidator());
        RuleFor(s => s.Quality).NotNull().SetValidator(new QualityValidator());
        RuleFor(s => s.Contact).NotNull()
            .Must(c => c.Email is not null || c.Phone is not null || c.Website is not null)
            .WithMessage("'contact' needs at least one of email, phone or website.")
            .SetValidator(new ContactValidator());
        RuleFor(s => s.ServiceArea).NotNull();

        // A venue is where in-person support happens and where distances are measured from.
        RuleFor(s => s.VenuePostcode)
            .NotEmpty()
            .When(s => s.Formats?.Any(IsInPerson) == true)
            .WithMessage("'venuePostcode' is required when the service offers an in-person format.");
        RuleFor(s => s.VenuePostcode)
            .Must(p => Postcode.NormaliseFull(p) is not null)
            .WithMessage("'venuePostcode' must be a full UK postcode such as 'LS1 4AP'.")
            .Must(p => districts.TryLocate(p, out _, out _))
            .WithMessage("'venuePostcode' is not in a known UK postcode district.")
            .When(s => !string.IsNullOrWhiteSpace(s.VenuePostcode));

        RuleFor(s => s.ServiceArea.RadiusKm)
            .Null().WithMessage("'serviceArea.radiusKm' must be absent for a national service.")
            .When(s => s.ServiceArea is { National: true });
        RuleFor(s => s.ServiceArea.RadiusKm)
            .NotNull().WithMessage("'serviceArea.radiusKm' is required unless the service is national.")
            .When(s => s.ServiceArea is { National: false });
        RuleFor(s => s.VenuePostcode)
            .NotEmpty().WithMessage("A service that is not national needs a 'venuePostcode' to measure its area from; an online-only service is national.")
            .When(s => s.ServiceArea is { National: false } && s.Formats?.Any(IsInPerson) != true);

        // The remote area is measured from the venue, and a national service has no area.
        RuleFor(s => s.ServiceArea.RemoteRadiusKm)
            .Null().WithMessage("'serviceArea.remoteRadiusKm' must be absent for a national service.")
            .When(s => s.ServiceArea is { National: true });
        RuleFor(s => s.VenuePostcode)
            .NotEmpty().WithMessage("'serviceArea.remoteRadiusKm' needs a 'venuePostcode' to measure the area from.")
            .When(s => s.ServiceArea is { National: false, RemoteRadiusKm: not null });

        RuleFor(s => s.LastReviewed)
            .NotEqual(default(DateOnly)).WithMessage("'lastReviewed' is required.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("'lastReviewed' cannot be in the future.");
    }

    private static bool IsInPerson(string code) => Formats.Find(code)?.InPerson == true;

    private sealed class OrganisationValidator : AbstractValidator<OrganisationBody>
    {
        public OrganisationValidator()
        {
            RuleFor(o => o.Name).NotEmpty();
            RuleFor(o => o.Website).HttpsUrl();
        }
    }

    private sealed class EligibilityValidator : AbstractValidator<EligibilityBody>
    {
        public EligibilityValidator()
        {
            RuleFor(e => e.MaxAge)
                .GreaterThanOrEqualTo(e => e.MinAge).When(e => e.MinAge is not null)
                .WithMessage("'maxAge' must not be below 'minAge'.");
            RuleFor(e => e.Gender).In(Vocabularies.GenderEligibility);
        }
    }

    private sealed class CapacityValidator : AbstractValidator<CapacityBody>
    {
        public CapacityValidator()
        {
            RuleFor(c => c.Status).NotEmpty().In(Vocabularies.CapacityStatuses);
            RuleFor(c => c.WaitWeeks)
                .NotNull().WithMessage("'waitWeeks' is required when the capacity status is waitlist.")
                .When(c => c.Status == "waitlist");
            RuleFor(c => c.WaitWeeks)
                .Null().WithMessage("'waitWeeks' is only for a waitlist.")
                .When(c => c.Status != "waitlist");
        }
    }

    private sealed class QualityValidator : AbstractValidator<QualityBody>
    {
        public QualityValidator()
        {
            RuleFor(q => q.EvidenceLevel).NotEmpty().In(Vocabularies.EvidenceLevels);
            RuleFor(q => q.Accreditations).NotNull();
            RuleForEach(q => q.Accreditations).NotEmpty();
        }
    }

    private sealed class ContactValidator : AbstractValidator<ContactBody>
    {
        public ContactValidator()
        {
            RuleFor(c => c.Email).EmailAddress();
            RuleFor(c => c.Website).HttpsUrl();
        }
    }
}
