using Microsoft.Net.Http.Headers;
using Referral.Api.Features.Fhir;

namespace Referral.Api.Features.GpRecord;

/// <summary>The closure summary's three forms, chosen by the request's Accept header.</summary>
public static class SummaryFormats
{
    public const string Json = "application/json";

    public static readonly IReadOnlyList<string> All = [Json, SummaryPdf.MediaType, FhirJson.MediaType];

    /// <summary>The form to answer with: JSON when Accept is absent or takes anything; null when it takes none of ours (406).</summary>
    public static string? Choose(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return Json;
        }

        foreach (var media in accepted.Where(m => m.Quality is not 0).OrderByDescending(m => m.Quality ?? 1))
        {
            var type = media.MediaType.Value ?? string.Empty;
            if (type is "*/*" or "application/*")
            {
                return Json;
            }

            if (All.FirstOrDefault(f => f.Equals(type, StringComparison.OrdinalIgnoreCase)) is { } chosen)
            {
                return chosen;
            }
        }

        return null;
    }
}
