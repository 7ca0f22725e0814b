using Npgsql;

namespace Referral.Data.Postgres;

public static class PostgresErrors
{
    /// <summary>The row would duplicate a UNIQUE or PRIMARY KEY value that another write stored first.</summary>
    public static bool IsDuplicate(PostgresException e) => e.SqlState == PostgresErrorCodes.UniqueViolation;

    /// <summary>
    /// The storage fault an error is, or null when it is about the statement (a constraint, a
    /// policy, a syntax error), which stays an exception of its own.
    /// </summary>
    public static StorageFaultException? AsStorageFault(Exception e, string database)
    {
        if (e is PostgresException p)
        {
            StorageFaultKind? kind = p.SqlState switch
            {
                PostgresErrorCodes.DiskFull or PostgresErrorCodes.ProgramLimitExceeded => StorageFaultKind.Full,
                PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                    or PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.TooManyConnections => StorageFaultKind.Busy,
                PostgresErrorCodes.ReadOnlySqlTransaction => StorageFaultKind.ReadOnly,
                PostgresErrorCodes.DataCorrupted or PostgresErrorCodes.IndexCorrupted => StorageFaultKind.Damaged,
                PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                    or PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InvalidAuthorizationSpecification
                    or PostgresErrorCodes.InvalidPassword => StorageFaultKind.Unavailable,
                _ when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("58", StringComparison.Ordinal) => StorageFaultKind.Unavailable,
                _ => null,
            };

            // The server's primary messages for these classes name files, limits or locks, never a
            // value from a row (the Detail field, which can, is left out).
            return kind is { } k ? new StorageFaultException(k, database, $"PostgreSQL {p.SqlState}: {p.MessageText.TrimEnd('.')}", e) : null;
        }

        // No answer from the server at all: refused, reset, timed out, or the pool exhausted.
        return e is NpgsqlException or TimeoutException
            ? new StorageFaultException(StorageFaultKind.Unavailable, database, e.Message.TrimEnd('.'), e)
            : null;
    }
}
