using Referral.Domain.Directory;

namespace Referral.Data.Directory;

/// <summary>What a conditional replace did: exactly one of these.</summary>
public abstract record ReplaceOutcome
{
    public sealed record Replaced(Service Service) : ReplaceOutcome;

    public sealed record NotFound : ReplaceOutcome;

    /// <summary>The caller's If-Match named a version that is no longer current.</summary>
    public sealed record VersionMismatch(int CurrentVersion) : ReplaceOutcome;
}
