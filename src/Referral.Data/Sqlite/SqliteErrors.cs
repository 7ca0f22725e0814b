using Microsoft.Data.Sqlite;

namespace Referral.Data.Sqlite;

public static class SqliteErrors
{
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    /// <summary>The row would duplicate a UNIQUE or PRIMARY KEY value that another write stored first.</summary>
    public static bool IsDuplicate(SqliteException e) => e.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey;
}
