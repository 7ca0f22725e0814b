using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Referral.Data.Sqlite;

public static class SqliteErrors
{
    /// <summary>The row would duplicate a UNIQUE or PRIMARY KEY value that another write stored first.</summary>
    public static bool IsDuplicate(SqliteException e) => e.SqliteExtendedErrorCode is raw.SQLITE_CONSTRAINT_UNIQUE or raw.SQLITE_CONSTRAINT_PRIMARYKEY;
}
