using System.ComponentModel;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Referral.Api.Features.Insights;

/// <summary>The query string of every insight: the period of referrals it reads.</summary>
public sealed record InsightPeriodRequest
{
    /// <summary>The longest period one insight reads.</summary>
    public const int MaxDays = 3660;

    [FromQuery(Name = "from")]
    [Description("First day of the period (a date, UTC), inclusive. Default: 365 days before 'to'.")]
    public DateOnly? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Last day of the period (a date, UTC), inclusive. Default: today. At most 3660 days after 'from'.")]
    public DateOnly? To { get; init; }

    public (DateOnly From, DateOnly To) Resolve(TimeProvider clock)
    {
        var to = To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (From ?? to.AddDays(-364), to);
    }
}

public sealed class InsightPeriodRequestValidator : AbstractValidator<InsightPeriodRequest>
{
    public InsightPeriodRequestValidator()
    {
        RuleFor(r => r.To).Must((r, to) => r.From is null || to is null || r.From <= to).WithMessage("'to' may not be before 'from'.");
        RuleFor(r => r.To)
            .Must((r, to) => r.From is null || to is null || to.Value.DayNumber - r.From.Value.DayNumber < InsightPeriodRequest.MaxDays)
            .WithMessage($"The period may be at most {InsightPeriodRequest.MaxDays} days.");
    }
}
