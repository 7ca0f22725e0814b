using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Fhir;

/// <summary>Reading the facade's answers as a FHIR client would: with the Firely parser in strict mode.</summary>
public static class FhirClient
{
    public const string MediaType = "application/fhir+json";

    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    /// <summary>Asserts the status and FHIR media type, and parses the body strictly (any error in it throws).</summary>
    public static async Task<T> ReadResource<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) where T : Resource
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        return Strict.Deserialize<T>(text);
    }

    /// <summary>Asserts an OperationOutcome error with the status, parsed strictly, and returns its diagnostics.</summary>
    public static async Task<string> AssertOutcome(this HttpResponseMessage response, HttpStatusCode status)
    {
        var outcome = await response.ReadResource<OperationOutcome>(status);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        Assert.False(string.IsNullOrWhiteSpace(issue.Diagnostics));
        return issue.Diagnostics;
    }

    /// <summary>A valid NHS number other than the one the test bodies share, so a search finds one patient.</summary>
    public static string NhsNumber(int seed)
    {
        for (var n = 400_000_000L + (seed * 7919L); ; n++)
        {
            var digits = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = digits.Select((c, i) => (c - '0') * (10 - i)).Sum();
            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }

            return digits + (check == 11 ? 0 : check);
        }
    }

    /// <summary>A referral of practice A for a patient with its own NHS number, returned as the API returned it.</summary>
    public static async Task<JsonObject> ReferralFor(ApiFactory api, string nhsNumber, string recordSharing = "full-summary", bool endorsed = true)
    {
        var (profileId, serviceId) = await ReferralBodies.Parties(api, p => p["nhsNumber"] = nhsNumber);
        var body = ReferralBodies.Referral(profileId, serviceId, endorsed);
        body["recordSharing"] = recordSharing;
        return await (await api.ClientWithKey(api.PracticeAKey).PostAsJsonAsync("/v1/referrals", body)).ReadObject(HttpStatusCode.Created);
    }
}
