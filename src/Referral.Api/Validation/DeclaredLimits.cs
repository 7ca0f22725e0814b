using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Referral.Api.Validation;

/// <summary>
/// Enforces the limits a request type declares with DataAnnotations ([MaxLength], [MinLength],
/// [Range], [RegularExpression], and [EachItem] for list entries): the same attributes Microsoft.AspNetCore.OpenApi turns into
/// maxLength, maxItems, minimum, maximum and pattern in the contract. The validators do not
/// repeat these limits, so the contract and what runs cannot drift apart: an attribute is both.
/// It walks the request type like <see cref="ControlCharacters"/>, so a new field is covered
/// the day it is added. Messages name the field and the limit, never the value sent.
/// </summary>
public static class DeclaredLimits
{
    private static readonly ConcurrentDictionary<Type, Field[]> Fields = new();

    /// <summary>True for a request type of this product with at least one declared limit, however deep.</summary>
    public static bool Declares(Type type) => ControlCharacters.IsOurs(type) && FieldsOf(type).Length > 0;

    /// <summary>The first limit each field breaks, by JSON path.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Broken(object request, string path = "")
    {
        foreach (var field in FieldsOf(request.GetType()))
        {
            var value = field.Property.GetValue(request);
            var fieldPath = path.Length == 0 ? field.JsonName : $"{path}.{field.JsonName}";
            if (value is null)
            {
                continue;
            }

            if (field.Limits.FirstOrDefault(limit => !limit.IsValid(value)) is { } broken)
            {
                yield return new(fieldPath, Message(broken, fieldPath, value));
            }
            else if (field.Nested)
            {
                foreach (var inner in Broken(value, fieldPath))
                {
                    yield return inner;
                }
            }
            else if (field.NestedItems && value is IEnumerable items)
            {
                var position = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        foreach (var inner in Broken(item, $"{fieldPath}[{position}]"))
                        {
                            yield return inner;
                        }
                    }

                    position++;
                }
            }
        }
    }

    /// <summary>The message for a broken limit; LimitsContractTests reads these to tell a limit from other rules.</summary>
    public static string Message(ValidationAttribute limit, string field, object value) => limit switch
    {
        MaxLengthAttribute max when value is ICollection => $"'{field}' must have at most {max.Length} entries.",
        MaxLengthAttribute max => $"'{field}' must be at most {max.Length} characters long.",
        MinLengthAttribute min when value is ICollection => $"'{field}' must have at least {min.Length} entries.",
        MinLengthAttribute min => $"'{field}' must be at least {min.Length} characters long.",
        RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"'{field}' must be between {range.Minimum} and {range.Maximum}."),
        RegularExpressionAttribute pattern when pattern.ErrorMessage is not null => pattern.FormatErrorMessage(field),
        RegularExpressionAttribute pattern => $"'{field}' must match the pattern {pattern.Pattern}.",
        _ => limit.FormatErrorMessage(field),
    };

    private static Field[] FieldsOf(Type type) => Fields.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
        .Select(p => new Field(
            p,
            JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p.GetCustomAttributes<ValidationAttribute>().Where(IsLimit).OrderBy(Precedence).ToArray(),
            ControlCharacters.IsOurs(p.PropertyType),
            ControlCharacters.ListOfOurs(p.PropertyType)))
        .Where(f => f.Limits.Length > 0 || f.Nested || f.NestedItems)
        .ToArray());

    // Reflection does not promise declaration order; a field over its length is told about its
    // length before its pattern, whatever the compiler did.
    private static int Precedence(ValidationAttribute attribute) => attribute switch
    {
        MaxLengthAttribute or MinLengthAttribute => 0,
        RangeAttribute => 1,
        EachItemAttribute => 2,
        _ => 3,
    };

    private static bool IsLimit(ValidationAttribute attribute) =>
        attribute is MaxLengthAttribute or MinLengthAttribute or RangeAttribute or RegularExpressionAttribute or EachItemAttribute;

    private sealed record Field(PropertyInfo Property, string JsonName, ValidationAttribute[] Limits, bool Nested, bool NestedItems);
}
