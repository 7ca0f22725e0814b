using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Referral.Api.Validation;

/// <summary>
/// Enforces the limits a request type declares with DataAnnotations ([MaxLength], [MinLength],
/// [Range], [RegularExpression], and [EachItem] for list entries): the same attributes Microsoft.AspNetCore.OpenApi turns into
/// maxLength, maxItems, minimum, maximum and pattern in the contract. The validators do not
/// repeat these limits, so the contract and what runs cannot drift apart: an attribute is both.
/// It walks the request with <see cref="RequestFields"/>, so a new field is covered the day it
/// is added. Messages name the field and the limit, never the value sent.
/// </summary>
public static class DeclaredLimits
{
    private static readonly ConcurrentDictionary<PropertyInfo, ValidationAttribute[]> Limits = new();

    /// <summary>True for a request type of this product with at least one declared limit, however deep.</summary>
    public static bool Declares(Type type) => RequestFields.IsOurs(type) && RequestFields.PropertiesOf(type).Any(p => LimitsOf(p).Length > 0);

    /// <summary>The first limit each field breaks, by JSON path.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Broken(object request)
    {
        foreach (var (path, property, value) in RequestFields.Walk(request))
        {
            if (value is not null && LimitsOf(property).FirstOrDefault(limit => !limit.IsValid(value)) is { } broken)
            {
                yield return new(path, Message(broken, path, value));
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

    private static ValidationAttribute[] LimitsOf(PropertyInfo property) => Limits.GetOrAdd(
        property, p => p.GetCustomAttributes<ValidationAttribute>().Where(IsLimit).OrderBy(Precedence).ToArray());

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
}
