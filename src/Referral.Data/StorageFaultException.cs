namespace Referral.Data;

/// <summary>What is wrong with the storage, in terms any provider can report.</summary>
public enum StorageFaultKind
{
    /// <summary>No space left for the write (the disk, or the configured size cap).</summary>
    Full,

    /// <summary>Another writer held the lock for longer than this process waits.</summary>
    Busy,

    /// <summary>The database or its volume accepts no writes.</summary>
    ReadOnly,

    /// <summary>The database cannot be opened, created or written (I/O error, missing folder).</summary>
    Unavailable,

    /// <summary>The file is damaged or is not a database at all.</summary>
    Damaged,
}

/// <summary>
/// The storage refused an operation for a reason of its own, not because of the request: the
/// API answers 503 and nothing was stored. The message names the database and the cause for an
/// operator; <see cref="Summary"/> says the same without the path, for anyone.
/// </summary>
public sealed class StorageFaultException(StorageFaultKind kind, string databasePath, string cause, Exception? inner = null)
    : Exception($"The database {databasePath} {Phrase(kind)} ({cause}).", inner)
{
    public StorageFaultKind Kind { get; } = kind;

    public string DatabasePath { get; } = databasePath;

    /// <summary>The provider's own words, e.g. "SQLite error 13: database or disk is full".</summary>
    public string Cause { get; } = cause;

    /// <summary>The fault without the database path: "the database is full (…)".</summary>
    public string Summary => $"the database {Phrase(Kind)} ({Cause})";

    private static string Phrase(StorageFaultKind kind) => kind switch
    {
        StorageFaultKind.Full => "is full",
        StorageFaultKind.Busy => "is locked by another writer",
        StorageFaultKind.ReadOnly => "is read-only",
        StorageFaultKind.Damaged => "is damaged or is not a database",
        _ => "cannot be opened or written",
    };
}
