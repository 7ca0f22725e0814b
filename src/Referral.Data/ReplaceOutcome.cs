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

/// <summary>What every provider's replace decides the same way.</summary>
public static class ReplaceOutcome
{
    /// <summary>
    /// Why a replace must not go ahead, read inside its transaction: no such row (null version),
    /// or an If-Match that names a version no longer current; null when it may.
    /// </summary>
    public static ReplaceOutcome<T>? Refusal<T>(int? currentVersion, int? expectedVersion) => currentVersion switch
    {
        null => new ReplaceOutcome<T>.NotFound(),
        { } current when expectedVersion is { } expected && expected != current => new ReplaceOutcome<T>.VersionMismatch(current),
        _ => null,
    };
}
