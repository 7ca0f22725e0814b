namespace Referral.Data.Postgres;

/// <summary>timestamptz keeps microseconds, .NET keeps ticks (a tenth of one).</summary>
public static class PostgresTime
{
    /// <summary>
    /// The time as the database will give it back, so that what a write returns is exactly what
    /// a later read returns (an ETag, a time compared by a client).
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
