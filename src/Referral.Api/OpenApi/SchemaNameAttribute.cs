using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Referral.Api.OpenApi;

/// <summary>
/// The name a wire type's schema has in the contract, when it is not the C# name: integrators'
/// generated clients are named after schemas, so a C# rename must not rename them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SchemaNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>For <see cref="OpenApiOptions.CreateSchemaReferenceId"/>.</summary>
    public static string? Of(JsonTypeInfo type) =>
        type.Type.GetCustomAttribute<SchemaNameAttribute>()?.Name ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);
}
