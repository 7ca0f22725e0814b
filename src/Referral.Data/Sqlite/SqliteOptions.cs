namespace Referral.Data.Sqlite;

/// <summary>Bound from the configuration section Storage:Sqlite.</summary>
public sealed class SqliteOptions
{
    public const string Section = "Storage:Sqlite";

    /// <summary>The database file. Relative paths are resolved against the content root.</summary>
    public string Path { get; set; } = "data/referral.db";

    /// <summary>
    /// The longest a write waits for its turn, both behind this process's other writes and for
    /// another process's lock (a backup, the sqlite3 shell), before it is refused with 503.
    /// </summary>
    public int BusyTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Optional cap on the database file, in pages (of 4 KiB): writes that would grow it beyond
    /// are refused as "storage full", so the database cannot fill a volume it shares. SQLite
    /// never lowers the cap below the file's current size, so a small value freezes its growth.
    /// </summary>
    public int? MaxPageCount { get; set; }
}
