namespace Referral.Domain.Directory;

/// <summary>A service's status codes (vocabulary serviceStatuses): only an active one takes referrals.</summary>
public static class ServiceStatuses
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Closed = "closed";
}
