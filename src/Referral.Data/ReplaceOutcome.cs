namespace Referral.Data;

/// <summary>What a conditional replace did: exactly one of these.</summary>
public abstract record ReplaceOutcome<T>
{
    public sealed record Replaced(T Value) : ReplaceOutcome<T>;

    public sealed record NotFound : ReplaceOutcome<T>;

    /// <summary>The caller's If-Match named a version that is no longer current.</summary>
    public sealed record VersionMismatch(int CurrentVersion) : ReplaceOutcome<T>;

    /// <summary>The change would break a uniqueness rule (e.g. a patient reference already used).</summary>
    public sealed record Duplicate : ReplaceOutcome<T>;
}
