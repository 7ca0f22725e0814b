namespace Referral.Data.Sqlite;

internal static class IdText
{
    /// <summary>Ids for an IN list: Dapper does not run type handlers on a list's items, so they go in as text.</summary>
    public static string[] Of(IEnumerable<Guid> ids) => ids.Select(id => id.ToString("D")).ToArray();
}
