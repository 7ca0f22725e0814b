using System.Security.Claims;

namespace Referral.Api.Security;

/// <summary>Who is acting: the practice a key is bound to, and the key itself (recorded in audit trails).</summary>
public readonly record struct PracticeKey(string OdsCode, Guid KeyId)
{
    public static PracticeKey Of(ClaimsPrincipal user) => new(user.OdsCode(), user.KeyId());
}
