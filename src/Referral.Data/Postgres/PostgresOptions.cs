namespace Referral.Data.Postgres;

/// <summary>Bound from the configuration section Storage:Postgresql; the server itself is ConnectionStrings:Referral.</summary>
public sealed class PostgresOptions
{
    public const string Section = "Storage:Postgresql";

    /// <summary>
    /// The longest a statement waits for a row lock another instance holds (lock_timeout) before
    /// the request is refused with 503, as SQLite's busy timeout does.
    /// </summary>
    public int LockTimeoutSeconds { get; set; } = 5;
}
