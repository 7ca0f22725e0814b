using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Referral.Api.Validation;

/// <summary>
/// The name a client sends a member by, which every error names: the query name a [FromQuery]
/// gives it (the ORUK feed's per_page), else its JSON name (camelCase unless [JsonPropertyName] says otherwise).
/// </summary>
public static class WireNames
{
    private static readonly Lazy<FrozenDictionary<string, string>> QueryNames = new(() => typeof(WireNames).Assembly.GetTypes()
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Select(p => (p.Name, Query: p.GetCustomAttribute<FromQueryAttribute>()?.Name))
        .Where(p => p.Query is not null)
        .GroupBy(p => p.Name, StringComparer.Ordinal)
        // Only a name every request type sends the same way can be translated without knowing which type failed.
        .Where(g => g.Select(p => p.Query).Distinct(StringComparer.Ordinal).Count() == 1)
        .ToFrozenDictionary(g => g.Key, g => g.First().Query!, StringComparer.Ordinal));

    public static string Of(MemberInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.GetCustomAttribute<FromQueryAttribute>()?.Name
            ?? member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
            ?? JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }

    /// <summary>A parameter the framework failed to bind, named by its C# name in its message.</summary>
    public static string OfParameter(string name) =>
        QueryNames.Value.TryGetValue(name, out var query) ? query : JsonNamingPolicy.CamelCase.ConvertName(name);
}
