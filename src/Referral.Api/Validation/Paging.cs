namespace Referral.Api.Validation;

/// <summary>
/// The one definition of paging bounds, shared by every listing. The listings declare them with
/// [Range] and [DefaultValue], which DeclaredLimits enforces and the contract shows.
/// </summary>
public static class Paging
{
    public const int MaxPage = 10_000;
    public const int MaxPageSize = 100;

    /// <summary>The page size when none is asked for; [DefaultValue] puts it in the contract.</summary>
    public const int DefaultPageSize = 20;

}
