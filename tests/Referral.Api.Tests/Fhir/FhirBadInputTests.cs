using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Fhir;

/// <summary>
/// Bad input to the facade is an OperationOutcome with the right status, never a 500 and never
/// the framework's problem+json: unknown resource types, interactions it does not offer,
/// malformed or unknown search parameters, a format it does not serve. An error names the
/// parameter and the rule, not the value sent.
/// </summary>
public sealed class FhirBadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Practice => api.ClientWithKey(api.PracticeAKey);

    [Theory]
    [InlineData("/fhir/Patient")]
    [InlineData("/fhir/Patient/9449305552")]
    [InlineData("/fhir/Observation?code=1")]
    [InlineData("/fhir/NotAType/1")]
    [InlineData("/fhir/ServiceRequest/1/_history/1")]
    [InlineData("/fhir")]
    [InlineData("/fhir/ServiceRequest/not-a-uuid")]
    [InlineData("/fhir/Task/00000000-0000-0000-0000-000000000000")]
    [InlineData("/fhir/HealthcareService/123")]
    public async Task Unknown_resource_types_paths_and_ids_are_404_outcomes(string path) =>
        await (await Practice.GetAsync(path)).AssertOutcome(HttpStatusCode.NotFound);

    [Theory]
    [InlineData("POST", "/fhir/ServiceRequest")]
    [InlineData("PUT", "/fhir/Task/4a0f8a5e-1a7e-4e55-9a1b-6d3c2b1a0f9e")]
    [InlineData("DELETE", "/fhir/HealthcareService/4a0f8a5e-1a7e-4e55-9a1b-6d3c2b1a0f9e")]
    [InlineData("PATCH", "/fhir/ServiceRequest/4a0f8a5e-1a7e-4e55-9a1b-6d3c2b1a0f9e")]
    public async Task Writes_to_the_read_only_facade_are_405_outcomes(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"resourceType\":\"ServiceRequest\"}", System.Text.Encoding.UTF8, "application/fhir+json") };
        var response = await Practice.SendAsync(request);
        await response.AssertOutcome(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("GET", string.Join(",", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("/fhir/ServiceRequest?_count=0", "_count")]
    [InlineData("/fhir/ServiceRequest?_count=101", "_count")]
    [InlineData("/fhir/ServiceRequest?_count=abc", "_count")]
    [InlineData("/fhir/Task?_page=0", "_page")]
    [InlineData("/fhir/Task?_page=99999999999", "_page")]
    [InlineData("/fhir/ServiceRequest?patient:identifier=9449305553", "patient:identifier")]
    [InlineData("/fhir/ServiceRequest?patient:identifier=http://example.org|9449305552", "patient:identifier")]
    [InlineData("/fhir/Task?patient:identifier=", "patient:identifier")]
    [InlineData("/fhir/ServiceRequest?status=finished", "status")]
    [InlineData("/fhir/ServiceRequest?status=active,", "status")]
    [InlineData("/fhir/Task?status=active", "status")]
    [InlineData("/fhir/Task?focus=Patient/4a0f8a5e-1a7e-4e55-9a1b-6d3c2b1a0f9e", "focus")]
    [InlineData("/fhir/Task?focus=ServiceRequest/42", "focus")]
    [InlineData("/fhir/HealthcareService?district=ZZ99", "district")]
    [InlineData("/fhir/HealthcareService?district=%00", "district")]
    [InlineData("/fhir/ServiceRequest?status=active&status=completed", "status")]
    [InlineData("/fhir/ServiceRequest?subject=9449305552", "supported")]
    [InlineData("/fhir/HealthcareService?name=walk&colour=blue", "supported")]
    [InlineData("/fhir/metadata?mode=full", "supported")]
    [InlineData("/fhir/Task/4a0f8a5e-1a7e-4e55-9a1b-6d3c2b1a0f9e?status=active", "supported")]
    public async Task Malformed_or_unknown_search_parameters_are_400_outcomes_naming_the_parameter(string path, string named)
    {
        var diagnostics = await (await Practice.GetAsync(path)).AssertOutcome(HttpStatusCode.BadRequest);
        Assert.Contains(named, diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_never_repeats_the_NHS_number_sent()
    {
        foreach (var path in new[] { "/fhir/ServiceRequest?nhs=9449305552", "/fhir/ServiceRequest?patient:identifier=urn:x|9449305552", "/fhir/Task?focus=9449305552", "/fhir/Task/9449305552" })
        {
            var response = await Practice.GetAsync(path);
            Assert.True((int)response.StatusCode is 400 or 404);
            Assert.DoesNotContain("9449305552", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/fhir/metadata?_format=xml")]
    [InlineData("/fhir/ServiceRequest?_format=application/fhir%2Bxml")]
    [InlineData("/fhir/HealthcareService?_format=html")]
    public async Task A_format_other_than_JSON_is_a_406_outcome(string path) =>
        await (await Practice.GetAsync(path)).AssertOutcome(HttpStatusCode.NotAcceptable);

    [Fact]
    public async Task JSON_asked_for_by_name_is_served()
    {
        var response = await Practice.GetAsync("/fhir/metadata?_format=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
    }
}
