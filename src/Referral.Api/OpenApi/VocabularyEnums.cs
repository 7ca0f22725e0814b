using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Referral.Domain.Vocabulary;

namespace Referral.Api.OpenApi;

/// <summary>
/// Turns <see cref="VocabularyAttribute"/> into <c>enum</c>: on a string property or query
/// parameter, or on the <c>items</c> of a list of codes. The codes come from the same TermSet the
/// validators check and GET /v1/vocabularies publishes, in its order, so they cannot drift apart.
/// </summary>
internal static class VocabularyEnums
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Of(context) is not { } vocabulary)
        {
            return Task.CompletedTask;
        }

        var target = schema.Items as OpenApiSchema ?? schema;
        if (target.Type?.HasFlag(JsonSchemaType.String) != true)
        {
            throw new InvalidOperationException($"[Vocabulary] is on a property that is not a string or a list of strings ({context.JsonTypeInfo.Type.Name}).");
        }

        target.Enum = [.. vocabulary.Allowed.Select(code => (JsonNode)JsonValue.Create(code))];
        // An optional code (a profile's gender) may be null, and an enum is the whole list of
        // allowed values: null is one of them.
        if (target.Type.Value.HasFlag(JsonSchemaType.Null))
        {
            target.Enum.Add(null!);
        }

        return Task.CompletedTask;
    }

    /// <summary>A body's or a view's property is seen through the serializer; a query parameter through its descriptor.</summary>
    private static VocabularyAttribute? Of(OpenApiSchemaTransformerContext context)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is { } member)
        {
            return member.GetCustomAttributes(typeof(VocabularyAttribute), inherit: true).OfType<VocabularyAttribute>().FirstOrDefault();
        }

        // [AsParameters] records: the descriptor's ParameterInfo carries the property's attributes.
        return context.ParameterDescription?.ParameterDescriptor is IParameterInfoParameterDescriptor parameter
            ? parameter.ParameterInfo.GetCustomAttribute<VocabularyAttribute>()
            : null;
    }
}
