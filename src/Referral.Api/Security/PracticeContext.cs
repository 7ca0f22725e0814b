using System.Security.Claims;

namespace Referral.Api.Security;

public static class PracticeContext
{
    /// <summary>
    /// The ODS code of the practice whose key made the request. Every practice-scoped query
    /// filters on it, so one practice's data is invisible to another.
    /// </summary>
    public static string OdsCode(this ClaimsPrincipal user) =>
        user.FindFirstValue(ReferralClaims.OdsCode)
        ?? throw new InvalidOperationException("A practice endpoint was reached without a practice key.");

    public static Guid KeyId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ReferralClaims.KeyId)!);
}
