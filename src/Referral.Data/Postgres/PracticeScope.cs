namespace Referral.Data.Postgres;

/// <summary>
/// Which practice's rows a transaction may see under row-level security (db/postgresql/0003):
/// one practice, every practice (pooled analyst and system reads), or none (tables that are not
/// practice-scoped, such as services and keys).
/// </summary>
public readonly record struct PracticeScope(string? OdsCode, bool AllPractices)
{
    public static PracticeScope None => default;

    public static PracticeScope Every => new(null, true);

    public static PracticeScope Of(string odsCode) => new(odsCode, false);
}
