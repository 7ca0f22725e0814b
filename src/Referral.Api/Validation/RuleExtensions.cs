using System.Text.Json;
using FluentValidation;
using FluentValidation.Internal;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Validation;

/// <summary>Rules shared by the validators, each with a message that names the allowed values.</summary>
public static class RuleExtensions
{
    /// <summary>Field names in errors are the JSON names integrators send (camelCase, with paths).</summary>
    public static void UseJsonFieldNames()
    {
        // The whole chain, so a rule on s.ServiceArea.RadiusKm reports "serviceArea.radiusKm".
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
        {
            var chain = expression is null ? member?.Name : PropertyChain.FromExpression(expression).ToString();
            if (chain is not null && member is not null && !chain.Contains('.', StringComparison.Ordinal))
            {
                return WireNames.Of(member);
            }

            return chain is null ? null : string.Join('.', chain.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
        };
        // One message per field: the first rule a value breaks is the one worth reading.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : WireNames.Of(member);
        ValidatorOptions.Global.LanguageManager = new ValueFreeMessages();
    }

    public static IRuleBuilderOptions<T, string?> In<T>(this IRuleBuilder<T, string?> rule, TermSet terms) =>
        rule.Must(code => code is null || terms.Contains(code))
            .WithMessage(_ => $"'{{PropertyName}}' must be one of: {terms.Describe()}.");

    /// <summary>
    /// Each code of a list is known, and none is given twice. The message names where the
    /// unknown codes are (at most three places), never what they say: a reply must not grow with
    /// what was sent, nor repeat it.
    /// </summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> Codes<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, TermSet terms) =>
        rule.NotNull()
            .Must(list => list is null || list.Count <= terms.Terms.Count)
            .WithMessage($"'{{PropertyName}}' has more entries than there are codes ({terms.Terms.Count}).")
            .Must(list => list is null || list.All(terms.Contains))
            .WithMessage((_, list) => $"'{{PropertyName}}' has unknown codes (at index {Places(list, c => !terms.Contains(c))}); allowed: {terms.Describe()}.")
            .Must(list => list is null || list.Distinct(StringComparer.Ordinal).Count() == list.Count)
            .WithMessage("'{PropertyName}' lists a code more than once.");

    private static string Places(IReadOnlyList<string> list, Func<string, bool> unknown)
    {
        var places = Enumerable.Range(0, list.Count).Where(i => unknown(list[i])).ToList();
        return string.Join(", ", places.Take(3)) + (places.Count > 3 ? ", …" : string.Empty);
    }

    public static IRuleBuilderOptions<T, string?> HttpsUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(url => url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            .WithMessage("'{PropertyName}' must be an absolute https URL.");
}
