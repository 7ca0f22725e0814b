using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

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
    private static readonly ConcurrentDictionary<Type, Field[]> Fields = new();

    /// <summary>Every field holding a control character, by its JSON path.</summary>
    public static IEnumerable<string> FieldsWithControlCharacters(object request, string path = "") =>
        FieldsOf(request.GetType()).SelectMany(field => Check(field, field.Property.GetValue(request), Join(path, field.JsonName)));

    public static string Message(string field) => $"'{field}' contains a control character, which is not allowed here.";

    private static IEnumerable<string> Check(Field field, object? value, string path)
    {
        switch (value)
        {
            case null:
                yield break;
            case string text:
                if (!IsClean(text, field.MultiLine))
                {
                    yield return path;
                }

                yield break;
            case IEnumerable<string> texts:
                var index = 0;
                foreach (var text in texts)
                {
                    if (text is not null && !IsClean(text, field.MultiLine))
                    {
                        yield return $"{path}[{index}]";
                    }

                    index++;
                }

                yield break;
            case IEnumerable items when field.NestedItems:
                var position = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        foreach (var inner in FieldsWithControlCharacters(item, $"{path}[{position}]"))
                        {
                            yield return inner;
                        }
                    }

                    position++;
                }

                yield break;
            case IEnumerable:
                yield break;
            default:
                if (field.Nested)
                {
                    foreach (var inner in FieldsWithControlCharacters(value, path))
                    {
                        yield return inner;
                    }
                }

                yield break;
        }
    }

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

    private static Field[] FieldsOf(Type type) => Fields.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
        .Select(p => new Field(
            p,
            JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.MultilineText,
            IsOurs(p.PropertyType),
            ListOfOurs(p.PropertyType)))
        .Where(f => f.Nested || f.NestedItems || typeof(string).IsAssignableFrom(f.Property.PropertyType) || typeof(IEnumerable<string>).IsAssignableFrom(f.Property.PropertyType))
        .ToArray());

    // Only this product's own request types are walked into, never framework types.
    internal static bool IsOurs(Type type) =>
        (type.IsClass || (type.IsValueType && !type.IsPrimitive && !type.IsEnum))
        && type != typeof(string)
        && type.Namespace?.StartsWith("Referral.", StringComparison.Ordinal) == true;

    /// <summary>A list of this product's own records (each walked in turn), not of strings or numbers.</summary>
    internal static bool ListOfOurs(Type type) =>
        type != typeof(string)
        && type.GetInterfaces().Append(type)
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>) && IsOurs(i.GetGenericArguments()[0]));

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private sealed record Field(PropertyInfo Property, string JsonName, bool MultiLine, bool Nested, bool NestedItems);
}
