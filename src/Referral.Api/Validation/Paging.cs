using FluentValidation;

namespace Referral.Api.Validation;

/// <summary>The one definition of paging bounds, shared by every listing.</summary>
public static class Paging
{
    public const int MaxPage = 10_000;
    public const int MaxPageSize = 100;

    public static IRuleBuilderOptions<T, int?> ValidPage<T>(this IRuleBuilder<T, int?> rule) => rule.InclusiveBetween(1, MaxPage);

    public static IRuleBuilderOptions<T, int?> ValidPageSize<T>(this IRuleBuilder<T, int?> rule) => rule.InclusiveBetween(1, MaxPageSize);
}
