namespace Referral.Api.Tests.Infrastructure;

/// <summary>A test of what only the SQLite provider does (its file, its locks, its legacy rows): skipped on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string whyOnlySqlite)
    {
        if (TestStorage.IsPostgres)
        {
            Skip = "SQLite only: " + whyOnlySqlite;
        }
    }
}

/// <summary>A test of what only the PostgreSQL provider does (row-level security, several instances): skipped on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestStorage.IsPostgres)
        {
            Skip = "PostgreSQL only: run with REFERRAL_TEST_PROVIDER=postgresql and REFERRAL_TEST_POSTGRES.";
        }
    }
}

/// <summary>A theory about what only the SQLite provider does: skipped on PostgreSQL.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute(string whyOnlySqlite)
    {
        if (TestStorage.IsPostgres)
        {
            Skip = "SQLite only: " + whyOnlySqlite;
        }
    }
}

/// <summary>A theory about what only the PostgreSQL provider does: skipped on SQLite.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!TestStorage.IsPostgres)
        {
            Skip = "PostgreSQL only: run with REFERRAL_TEST_PROVIDER=postgresql and REFERRAL_TEST_POSTGRES.";
        }
    }
}
