using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Referral.Api.Validation;

namespace Referral.Api.OpenApi;

/// <summary>
/// What a property's attributes say that the generator does not carry over itself: [ReadOnly(true)]
/// becomes readOnly (set by the API, ignored when sent), [EachItem] becomes the bounds of an
/// array's items, and [MustBeTrue] becomes enum [true].
/// </summary>
internal static class PropertyFacts
{
    public static void AddPropertyFacts(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo?.AttributeProvider is not ICustomAttributeProvider property)
            {
                return Task.CompletedTask;
            }

            if (property.GetCustomAttributes(typeof(ReadOnlyAttribute), true).OfType<ReadOnlyAttribute>().Any(a => a.IsReadOnly))
            {
                schema.ReadOnly = true;
            }

            if (property.GetCustomAttributes(typeof(EachItemAttribute), true) is [EachItemAttribute each, ..] && schema.Items is OpenApiSchema items)
            {
                if (each.HasRange)
                {
                    items.Minimum = each.Minimum.ToString(CultureInfo.InvariantCulture);
                    items.Maximum = each.Maximum.ToString(CultureInfo.InvariantCulture);
                }

                if (each.HasMaxLength)
                {
                    items.MaxLength = each.MaxLength;
                }
            }

            if (property.IsDefined(typeof(MustBeTrueAttribute), true))
            {
                schema.Enum = [JsonValue.Create(true)];
            }

            return Task.CompletedTask;
        });
}
