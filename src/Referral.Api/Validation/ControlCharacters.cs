using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Referral.Api.Validation;

/// <summary>
/// Refuses control characters in every string of a request: identifiers, codes, names and query
/// values alike, including the "\n" that a .NET "$" lets through at the end of a pattern. Free
/// text marked <c>[DataType(DataType.MultilineText)]</c> may hold line breaks and tabs, nothing
/// else. It walks the request type rather than relying on each validator to remember a rule,
/// so a new field is covered the day it is added.
/// </summary>
public static class ControlCharacters
{
    private static readonly ConcurrentDictionary<PropertyInfo, bool> MultiLine = new();

    /// <summary>Every field holding a control character, by its JSON path.</summary>
    public static IEnumerable<string> FieldsWithControlCharacters(object request) =>
        RequestFields.Walk(request).SelectMany(field => Dirty(field.Path, field.Value, AllowsLines(field.Property)));

    public static string Message(string field) => $"'{field}' contains a control character, which is not allowed here.";

    public static bool IsClean(string text, bool multiLine)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Dirty(string path, object? value, bool multiLine) => value switch
    {
        string text => IsClean(text, multiLine) ? [] : [path],
        IEnumerable<string> texts => texts
            .Select((text, index) => (text, index))
            .Where(t => t.text is not null && !IsClean(t.text, multiLine))
            .Select(t => $"{path}[{t.index}]"),
        _ => [],
    };

    private static bool AllowsLines(PropertyInfo property) => MultiLine.GetOrAdd(
        property, p => p.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.MultilineText);
}
