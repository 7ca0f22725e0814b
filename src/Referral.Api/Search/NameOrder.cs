namespace Referral.Api.Search;

/// <summary>
/// The directory's order without near: by name, then by id, both compared code point by code
/// point (what SQLite's BINARY collation does with UTF-8 text), so that it never depends on the
/// server's culture and a client paging through the list meets every service once.
/// </summary>
public sealed class NameOrder : IComparer<(string Name, Guid Id)>
{
    public static NameOrder Instance { get; } = new();

    public int Compare((string Name, Guid Id) x, (string Name, Guid Id) y)
    {
        var byName = CompareCodePoints(x.Name, y.Name);
        return byName != 0 ? byName : CompareCodePoints(x.Id.ToString("D"), y.Id.ToString("D"));
    }

    /// <summary>
    /// UTF-16 ordinal order differs from code point order only where a surrogate (a character
    /// above U+FFFF) meets a character from U+E000 to U+FFFF; moving the surrogates above them
    /// at the first difference gives code point order.
    /// </summary>
    public static int CompareCodePoints(string x, string y)
    {
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Fixup(x[i]) - Fixup(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    private static int Fixup(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
