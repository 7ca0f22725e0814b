namespace Referral.Api.Security;

/// <summary>Each API key carries exactly one role.</summary>
public static class Roles
{
    /// <summary>Maintains the directory of services.</summary>
    public const string DirectoryAdmin = "directory-admin";

    /// <summary>A GP practice system, bound to one practice's ODS code.</summary>
    public const string Practice = "practice";

    /// <summary>Reads statistics that hold no personal data.</summary>
    public const string Analyst = "analyst";

    public static readonly IReadOnlyList<string> All = [DirectoryAdmin, Practice, Analyst];
}

/// <summary>Authorisation policies, one per role that has endpoints (analyst has none yet).</summary>
public static class Policies
{
    public const string DirectoryAdmin = "directory-admin";
    public const string Practice = "practice";

    /// <summary>Insights: an analyst (pooled across practices) or a practice (its own only).</summary>
    public const string Insights = "insights";
}

public static class ReferralClaims
{
    public const string KeyId = "key_id";
    public const string OdsCode = "ods";
}
