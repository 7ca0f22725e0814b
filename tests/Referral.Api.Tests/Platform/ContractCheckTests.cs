using System.Text;
using Referral.Api.Tests.Infrastructure;
using Referral.Api.Tests.Infrastructure.Contract;

namespace Referral.Api.Tests.Platform;

/// <summary>
/// The contract check every test client runs (ContractCheckingHandler) catches what it should,
/// and the behaviour the contract promises around it holds.
/// </summary>
public sealed class ContractCheckTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_status_the_operation_does_not_declare_is_reported_with_the_operation()
    {
        var contract = await ContractCache.LoadAsync(api.CreateUncheckedClient());
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost/v1/vocabularies");
        using var response = new HttpResponseMessage((HttpStatusCode)418);

        var violation = await contract.ViolationAsync(request, response);

        Assert.Contains("GET /v1/vocabularies answered 418", violation);
    }

    [Fact]
    public async Task A_body_that_breaks_its_schema_is_reported_with_the_schema_errors()
    {
        var contract = await ContractCache.LoadAsync(api.CreateUncheckedClient());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://localhost/v1/services/{Guid.NewGuid()}");
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"title": 404, "traceId": "x"}""", Encoding.UTF8, "application/problem+json"),
        };

        var violation = await contract.ViolationAsync(request, response);

        Assert.Contains("GET /v1/services/{id} answered 404 with a body that breaks its declared schema", violation);
        Assert.Contains("/title", violation);
    }

    [Fact]
    public async Task A_problem_with_extension_members_is_what_the_contract_says()
    {
        var contract = await ContractCache.LoadAsync(api.CreateUncheckedClient());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://localhost/v1/services/{Guid.NewGuid()}");
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"title": "Not found", "status": 404, "traceId": "x", "somethingNew": [1]}""", Encoding.UTF8, "application/problem+json"),
        };

        Assert.Null(await contract.ViolationAsync(request, response));
    }

    [Fact]
    public async Task The_yaml_document_is_served_as_application_yaml()
    {
        var response = await api.Anonymous().GetAsync("/openapi/v1.yaml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_operation_that_reads_no_body_ignores_one_however_large()
    {
        // The contract declares no 413 (nor 415) where no body is read; the API keeps to that.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/vocabularies")
        {
            Content = new ByteArrayContent(new byte[200_000]) { Headers = { { "Content-Type", "text/x-unknown; charset=latin1" } } },
        };

        var response = await api.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_operation_that_reads_a_body_still_refuses_one_too_large()
    {
        var response = await api.Admin().PostAsync("/v1/services", new StringContent(new string(' ', 200_000), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
