using System.Text.RegularExpressions;

namespace Referral.Api.Problems;

/// <summary>
/// Reads the parts of the framework's exception messages that name a field, so a problem can
/// name it too. The parts that quote a value are matched but never captured.
/// </summary>
internal static partial class FrameworkMessages
{
    public static bool TryParseBindingFailure(string message, out string type, out string name) =>
        TryMatch(BindingFailure(), message, out type, out name);

    public static bool TryParseMissingParameter(string message, out string name) =>
        TryMatch(MissingParameter(), message, out _, out name);

    public static bool TryParseUnknownProperty(string message, out string name, out string type)
    {
        var match = UnknownProperty().Match(message);
        name = match.Groups["name"].Value;
        type = match.Groups["type"].Value;
        return match.Success;
    }

    /// <summary>What a parameter of this .NET type accepts, in an integrator's words.</summary>
    public static string Expected(string type) => Unwrapped(type) switch
    {
        "Guid" => "a UUID, such as 3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "int" or "Int32" or "long" or "Int64" => "a whole number",
        "double" or "Double" or "decimal" or "Decimal" => "a number",
        "bool" or "Boolean" => "true or false",
        "DateTimeOffset" or "DateTime" => "a date and time in ISO 8601 form, such as 2026-11-20T10:15:00Z",
        "DateOnly" => "a date in ISO 8601 form, such as 2026-11-20",
        _ => "a valid value of its type",
    };

    // "Guid?", "System.Guid" and "Nullable<Guid>" (as [AsParameters] records name it) are all a Guid.
    private static string Unwrapped(string type)
    {
        var name = type.Trim().TrimEnd('?');
        if (name.StartsWith("Nullable<", StringComparison.Ordinal) && name.EndsWith('>'))
        {
            name = name["Nullable<".Length..^1];
        }

        return name.Split('.')[^1];
    }

    private static bool TryMatch(Regex regex, string message, out string type, out string name)
    {
        var match = regex.Match(message);
        type = match.Groups["type"].Value;
        name = match.Groups["name"].Value;
        return match.Success;
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]*) (?<name>[^\" ]+)\" from ")]
    private static partial Regex BindingFailure();

    [GeneratedRegex("^Required parameter \"(?<type>[^\"]*) (?<name>[^\" ]+)\" was not provided")]
    private static partial Regex MissingParameter();

    [GeneratedRegex("The JSON property '(?<name>.*)' could not be mapped to any \\.NET member contained in type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex UnknownProperty();
}
