using Referral.Api.Features.Fhir;

namespace Referral.Api.Features.GpRecord;

/// <summary>The closure summary's three forms, chosen by the request's Accept header.</summary>
public static class SummaryFormats
{
    public const string Json = "application/json";

    public static readonly IReadOnlyList<string> All = [Json, SummaryPdf.MediaType, FhirJson.MediaType];

    /// <summary>The form to answer with: JSON when Accept is absent or takes anything; null when it takes none of ours (406).</summary>
    public static string? Choose(HttpRequest request) => Http.AcceptedFormat.Choose(request, All);
}
