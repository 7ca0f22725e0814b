using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Referral.Api.Problems;

/// <summary>
/// The JSON property names a request type accepts, as the serializer sees them, so that a
/// problem about an unknown property can list what is allowed instead of repeating what was sent.
/// </summary>
public sealed class RequestContract(IOptions<JsonOptions> options)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _properties = new(StringComparer.Ordinal);

    /// <param name="typeName">The .NET type's full name, as the serializer's message gives it.</param>
    public IReadOnlyList<string> PropertiesOf(string typeName) => _properties.GetOrAdd(typeName, Find);

    private IReadOnlyList<string> Find(string typeName)
    {
        // Only this product's request types: the name comes from an exception message.
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Referral.", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(typeName, throwOnError: false))
            .FirstOrDefault(t => t is not null);
        if (type is null)
        {
            return [];
        }

        var info = options.Value.SerializerOptions.GetTypeInfo(type);
        return info.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object
            ? info.Properties.Select(p => p.Name).ToList()
            : [];
    }
}
