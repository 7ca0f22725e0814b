using System.Reflection;

namespace Referral.Domain.Vocabulary;

/// <summary>
/// Says, once, which code list a wire property draws from: its codes become the property's
/// <c>enum</c> in the contract (on <c>items</c> for a list), so a client sees the allowed values
/// before a 400 tells it. It names the static <see cref="TermSet"/> field rather than copying the
/// codes, so the contract, the validators and GET /v1/vocabularies read one list.
/// </summary>
/// <remarks>
/// It lives in the Domain so that records of the matching engine, which the API returns as they
/// are, can carry it too. The inline form is only for closed answers that are not a code list a
/// client chooses from (a health probe's status), which is why it is not published.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = true)]
public sealed class VocabularyAttribute : Attribute
{
    /// <param name="owner">The static class that declares the vocabulary, e.g. <c>typeof(Vocabularies)</c>.</param>
    /// <param name="field">The field's name: <c>nameof(Vocabularies.Conditions)</c>.</param>
    public VocabularyAttribute(Type owner, string field)
    {
        ArgumentNullException.ThrowIfNull(owner);
        Owner = owner;
        Field = field;
        var terms = owner.GetField(field, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as TermSet
            ?? throw new ArgumentException($"{owner.Name}.{field} is not a public static TermSet.", nameof(field));
        Terms = terms;
        Allowed = [.. terms.Codes];
    }

    /// <summary>A closed set of answers the API gives that is not a published vocabulary.</summary>
    public VocabularyAttribute(params string[] codes)
    {
        Allowed = codes;
    }

    public Type? Owner { get; }

    public string? Field { get; }

    /// <summary>The vocabulary, or null for an inline closed set.</summary>
    public TermSet? Terms { get; }

    /// <summary>The codes, in the vocabulary's order.</summary>
    public IReadOnlyList<string> Allowed { get; }
}
