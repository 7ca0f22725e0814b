using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Referral.Api.Validation;

/// <summary>
/// A limit on every entry of a list, which DataAnnotations has no attribute for: the range of a
/// questionnaire's answers, the length of each free-text entry. <see cref="DeclaredLimits"/>
/// enforces it and OpenApi.PropertyFacts puts it on the array's items in the contract.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EachItemAttribute : ValidationAttribute
{
    /// <summary>Smallest allowed number; int.MinValue when there is none.</summary>
    public int Minimum { get; init; } = int.MinValue;

    /// <summary>Largest allowed number; int.MaxValue when there is none.</summary>
    public int Maximum { get; init; } = int.MaxValue;

    /// <summary>Longest allowed text; int.MaxValue when there is none.</summary>
    public int MaxLength { get; init; } = int.MaxValue;

    public bool HasRange => Minimum != int.MinValue || Maximum != int.MaxValue;

    public bool HasMaxLength => MaxLength != int.MaxValue;

    public override bool IsValid(object? value) =>
        value is not IEnumerable items || items.Cast<object?>().All(item => item switch
        {
            int number => number >= Minimum && number <= Maximum,
            string text => text.Length <= MaxLength,
            _ => true,
        });

    public override string FormatErrorMessage(string name) =>
        HasMaxLength
            ? $"'{name}' has an entry longer than {MaxLength} characters."
            : string.Create(CultureInfo.InvariantCulture, $"'{name}' entries must be between {Minimum} and {Maximum}.");
}
