using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Referral.Api.Tests.Fuzz;

/// <summary>
/// The odd values the fuzzer sends. Body values are raw JSON text, so that they can be what no
/// serializer would write: a lone surrogate, a number past any .NET type, a literal NaN.
/// </summary>
public static class MutationValues
{
    /// <summary>Just under the API's 64 KiB body limit once the rest of a body is added, and just over it.</summary>
    public const int NearLimit = 60_000;
    public const int OverLimit = 70_000;

    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly string[] OddStrings =
    [
        "", " ", "\n", "x\n", "x\r\n", "\t", "\0", "a\0b", "\u0001\u001f", "\u007f", "é", "日本語", "😀", "\u202egnp.exe",
        "\uFEFFx", "Ａ", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "../../etc/passwd", "${jndi:ldap://x}", "null",
        "0", "true", "-", "{}", "\\", "\"",
    ];

    /// <summary>JSON string literals no .NET string can be serialized from.</summary>
    private static readonly string[] UnwritableStrings = ["\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\""];

    public static readonly string[] Numbers =
    [
        "0", "-1", "-0", "1.5", "1e2", "1E-400", "1e400", "-1e400", "2147483647", "2147483648", "-2147483649",
        "9223372036854775808", "99999999999999999999999999999999", "0.1", "1.0", "NaN", "Infinity", "01", "+1",
    ];

    private static readonly string[] TypedValues = ["\"1\"", "1", "1.5", "true", "[]", "{}", "[1]", "{\"a\":1}", "\"\""];

    public static readonly string[] RawBodies =
    [
        "", " ", "null", "[]", "\"x\"", "0", "true", "{", "}", "{\"a\":", "not json", "{}", "[{}]", "\uFEFF{}", "{} {}",
        "{\"a\":1}/*c*/", "{'a':1}", "{\"a\":1,}", new string('[', 100) + new string(']', 100),
        string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70),
    ];

    public static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];

    public static readonly int[] LongLengths = [1_000, 10_000, NearLimit, OverLimit];

    public static readonly string[] ParameterNumbers = ["abc", "1O", "NaN", "Infinity", "-Infinity", "0x10", "1,5", "true", "1 ", " 1"];
    public static readonly string[] ParameterNegatives = ["-1", "-0", "-2147483649", "-1e309"];
    public static readonly string[] ParameterBounds = ["0", "1", "50", "51", "100", "101", "200", "201", "10000", "10001", "2147483647"];
    public static readonly string[] ParameterHuge = ["2147483648", "9223372036854775808", "1e309", "99999999999999999999999999999999"];
    public static readonly string[] ParameterFractions = ["1.5", "0.0001", "1e2", "1E-400", "5,5"];
    public static readonly string[] ParameterEmpty = ["", " "];
    public static readonly int[] ParameterLengths = [65, 101, 1_000, 8_000];

    /// <summary>
    /// Ids a GUID route constraint must turn away, and some it must not. No %00: Kestrel refuses
    /// it in a path with its own 400 before the API sees the request, and the test host throws.
    /// </summary>
    public static readonly string[] NotGuids =
    [
        "abc", "1", "00000000-0000-0000-0000-000000000000", "{" + Guid.Empty + "}", Guid.Empty.ToString("N"), "%20", "..",
        "%2e%2e", "a%2Fb", new string('a', 5_000), "%C3%A9", "(" + Guid.Empty + ")",
    ];

    public static string Json(string text) => JsonSerializer.Serialize(text, Raw);

    public static string OddString(int pick) => Pick(OddStrings.Select(Json).Concat(UnwritableStrings).ToArray(), pick);

    public static string LongString(int pick, int? maxLength)
    {
        int[] lengths = maxLength is { } max ? [max, max + 1, .. LongLengths] : LongLengths;
        var length = Pick(lengths, pick);
        // Some of multi-byte characters, whose length in bytes, chars and text elements differ.
        var unit = Pick(["x", "é", "😀"], pick / lengths.Length);
        return Json(string.Concat(Enumerable.Repeat(unit, Math.Max(1, length / unit.Length))));
    }

    /// <summary>A value of a JSON type the schema does not allow (any type when the schema says nothing).</summary>
    public static string WrongType(int pick, Func<string, bool> allows)
    {
        var wrong = TypedValues.Where(v => !allows(TypeOf(v))).ToArray();
        return Pick(wrong.Length > 0 ? wrong : TypedValues, pick);
    }

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static T Pick<T>(IReadOnlyList<T> values, int pick) => values[(pick & int.MaxValue) % values.Count];

    private static string TypeOf(string raw) => raw[0] switch
    {
        '"' => "string",
        '[' => "array",
        '{' => "object",
        't' or 'f' => "boolean",
        _ => raw.Contains('.', StringComparison.Ordinal) ? "number" : "integer",
    };
}
