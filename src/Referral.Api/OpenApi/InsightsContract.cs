using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Referral.Api.Features.Insights;

namespace Referral.Api.OpenApi;

/// <summary>
/// The insights' other forms, which the generator cannot see: CSV for every view and an SVG chart
/// for two of them, chosen by Accept (with Vary: Accept).
/// </summary>
internal static class InsightsContract
{
    public static void Apply(OpenApiDocument document)
    {
        foreach (var (path, _, operation) in DocumentWalk.Operations(document).Where(o => o.Path.StartsWith(InsightsApi.Root, StringComparison.Ordinal)).ToList())
        {
            var chart = path.EndsWith("/endorsement-uptake", StringComparison.Ordinal) || path.EndsWith("/format-personality", StringComparison.Ordinal);
            var formats = InsightFormats.For(chart);
            var ok = (OpenApiResponse)operation.Responses!["200"];
            ok.Description = "The insight, in the form Accept asked for.";
            ok.Content![InsightCsv.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The same figures as one flat RFC 4180 table with a header row; a suppressed figure is an empty cell with suppressed true." },
            };
            if (chart)
            {
                ok.Content[InsightChart.MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "An SVG bar chart: titled, with axes, each share's 95% interval drawn, and suppressed cells marked." },
                };
            }

            DocumentWalk.AddHeader(ok, "Vary", new OpenApiHeader
            {
                Description = "Accept: the form depends on it.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Accept",
                In = ParameterLocation.Header,
                Description = $"The form of the insight: {string.Join(", ", formats)}. JSON when absent or */*.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. formats.Select(f => (JsonNode)JsonValue.Create(f))], Default = JsonValue.Create(InsightFormats.Json) },
            });
        }
    }
}
