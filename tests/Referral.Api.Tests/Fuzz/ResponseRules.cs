using System.Text.Json;

namespace Referral.Api.Tests.Fuzz;

/// <summary>What every answer must be, whatever was asked: never a server error, and every client error an RFC 9457 problem.</summary>
public static class ResponseRules
{
    public const string ProblemMediaType = "application/problem+json";
    public const string FhirMediaType = "application/fhir+json";

    /// <summary>The FHIR facade's errors are FHIR's: an OperationOutcome with at least one issue that says what is wrong.</summary>
    private static void AssertIsOperationOutcome(HttpResponseMessage response, string text, Func<string, string> broken)
    {
        Assert.True(response.Content.Headers.ContentType?.MediaType == FhirMediaType, broken($"A FHIR error that is not {FhirMediaType}"));
        JsonObject? outcome;
        try
        {
            outcome = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            outcome = null;
        }

        Assert.True(outcome?["resourceType"]?.GetValue<string>() == "OperationOutcome", broken("A FHIR error that is not an OperationOutcome"));
        Assert.True(
            outcome["issue"] is JsonArray { Count: > 0 } issues && issues[0]?["diagnostics"] is JsonValue d && d.TryGetValue<string>(out var said) && !string.IsNullOrWhiteSpace(said),
            broken("An OperationOutcome without an issue that says what is wrong"));
    }

    public static async Task AssertFollowsTheRules(this HttpResponseMessage response, FuzzRequest request)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.ToString() ?? "(no Content-Type)";
        var text = await response.Content.ReadAsStringAsync();
        string Broken(string rule) =>
            $"{rule}\n--- request\n{request.Describe()}--- response\n{status} {mediaType}\n{FuzzRequest.Shorten(text)}";

        Assert.True(status < 500, Broken("A server error"));
        if (status < 400)
        {
            return;
        }

        if (request.Url.StartsWith("/fhir/", StringComparison.Ordinal) || request.Url is "/fhir" || request.Url.StartsWith("/fhir?", StringComparison.Ordinal))
        {
            AssertIsOperationOutcome(response, text, Broken);
            return;
        }

        Assert.True(response.Content.Headers.ContentType?.MediaType == ProblemMediaType, Broken($"A {status} that is not {ProblemMediaType}"));
        JsonObject? problem;
        try
        {
            problem = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            problem = null;
        }

        Assert.True(problem is not null, Broken("A problem whose body is not a JSON object"));
        Assert.True(
            problem["status"] is JsonValue s && s.TryGetValue<int>(out var said) && said == status,
            Broken($"A problem whose status is not {status}"));
        Assert.True(
            problem["title"] is JsonValue t && t.TryGetValue<string>(out var title) && !string.IsNullOrWhiteSpace(title),
            Broken("A problem without a title"));
    }
}
