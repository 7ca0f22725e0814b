using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Referral.Api.Validation;

/// <summary>
/// The fields of a request, each with its JSON path and value, into the records it holds and the
/// records of its lists: the one walk behind every rule that holds for a field wherever it stands
/// (<see cref="ControlCharacters"/>, <see cref="DeclaredLimits"/>), so a field is covered the day
/// it is added.
/// </summary>
public static class RequestFields
{
    private static readonly ConcurrentDictionary<Type, Field[]> Fields = new();

    public static IEnumerable<(string Path, PropertyInfo Property, object? Value)> Walk(object request, string path = "")
    {
        foreach (var field in Of(request.GetType()))
        {
            var value = field.Property.GetValue(request);
            var fieldPath = path.Length == 0 ? field.JsonName : $"{path}.{field.JsonName}";
            yield return (fieldPath, field.Property, value);

            if (value is not null && field.Nested)
            {
                foreach (var inner in Walk(value, fieldPath))
                {
                    yield return inner;
                }
            }
            else if (value is IEnumerable items && field.NestedItems)
            {
                var position = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        foreach (var inner in Walk(item, $"{fieldPath}[{position}]"))
                        {
                            yield return inner;
                        }
                    }

                    position++;
                }
            }
        }
    }

    /// <summary>Every property of a request type, its records' and its lists' records, for rules that look at types.</summary>
    public static IEnumerable<PropertyInfo> PropertiesOf(Type type, HashSet<Type>? seen = null)
    {
        seen ??= [];
        if (!seen.Add(type))
        {
            yield break;
        }

        foreach (var field in Of(type))
        {
            yield return field.Property;
            var inner = field.Nested ? field.Property.PropertyType : field.NestedItems ? ItemType(field.Property.PropertyType) : null;
            foreach (var property in inner is null ? [] : PropertiesOf(inner, seen))
            {
                yield return property;
            }
        }
    }

    /// <summary>This product's own request types are walked into, never framework types.</summary>
    public static bool IsOurs(Type type) =>
        (type.IsClass || (type.IsValueType && !type.IsPrimitive && !type.IsEnum))
        && type != typeof(string)
        && type.Namespace?.StartsWith("Referral.", StringComparison.Ordinal) == true;

    private static Type? ItemType(Type type) =>
        type == typeof(string)
            ? null
            : type.GetInterfaces().Append(type)
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .Select(i => i.GetGenericArguments()[0])
                .FirstOrDefault(IsOurs);

    private static Field[] Of(Type type) => Fields.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
        .Select(p => new Field(p, WireNames.Of(p), IsOurs(p.PropertyType), ItemType(p.PropertyType) is not null))
        .ToArray());

    private sealed record Field(PropertyInfo Property, string JsonName, bool Nested, bool NestedItems);
}
