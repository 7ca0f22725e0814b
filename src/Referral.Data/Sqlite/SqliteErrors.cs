using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Referral.Data.Sqlite;

public static class SqliteErrors
{
    /// <summary>The row would duplicate a UNIQUE or PRIMARY KEY value that another write stored first.</summary>
    public static bool IsDuplicate(SqliteException e) => e.SqliteExtendedErrorCode is raw.SQLITE_CONSTRAINT_UNIQUE or raw.SQLITE_CONSTRAINT_PRIMARYKEY;

    /// <summary>
    /// The storage fault an error is, or null when it is about the statement rather than the
    /// storage (a constraint, a syntax error), which stays a SqliteException.
    /// </summary>
    public static StorageFaultException? AsStorageFault(SqliteException e, string databasePath)
    {
        StorageFaultKind? kind = e.SqliteErrorCode switch
        {
            raw.SQLITE_FULL => StorageFaultKind.Full,
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED => StorageFaultKind.Busy,
            raw.SQLITE_READONLY => StorageFaultKind.ReadOnly,
            raw.SQLITE_IOERR or raw.SQLITE_CANTOPEN or raw.SQLITE_PERM or raw.SQLITE_PROTOCOL or raw.SQLITE_NOLFS => StorageFaultKind.Unavailable,
            raw.SQLITE_CORRUPT or raw.SQLITE_NOTADB => StorageFaultKind.Damaged,
            _ => null,
        };

        // SQLite's messages for these codes are fixed phrases ("database or disk is full"): they
        // never carry a value from a row, so they are safe to log and to show.
        return kind is { } k ? new StorageFaultException(k, databasePath, e.Message.TrimEnd('.'), e) : null;
    }
}
