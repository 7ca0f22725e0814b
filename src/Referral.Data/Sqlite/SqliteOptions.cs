namespace Referral.Data.Sqlite;

/// <summary>Bound from the configuration section Storage:Sqlite.</summary>
public sealed class SqliteOptions
{
    public const string Section = "Storage:Sqlite";

    /// <summary>The database file. Relative paths are resolved against the content root.</summary>
    public string Path { get; set; } = "data/referral.db";
}
