using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Platform;

/// <summary>
/// The committed openapi.yaml is the contract integrators read. It must be exactly what the API
/// serves, so a change to an endpoint cannot slip out undocumented.
/// </summary>
public sealed class OpenApiContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string RefreshVariable = "REFERRAL_UPDATE_OPENAPI";

    [Fact]
    public async Task The_committed_openapi_yaml_is_what_the_api_serves()
    {
        var served = Normalise(await api.Anonymous().GetStringAsync("/openapi/v1.yaml"));
        var path = Repository.PathOf("openapi.yaml");

        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var committed = File.Exists(path) ? Normalise(await File.ReadAllTextAsync(path)) : string.Empty;
        Assert.True(
            committed == served,
            $"openapi.yaml differs from the document the API serves. If the change is intended, refresh it with `{RefreshVariable}=1 dotnet test` and commit the file.");
    }

    [Fact]
    public async Task The_json_document_is_served_too_and_names_the_api_key_scheme()
    {
        var document = JsonNode.Parse(await api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("X-API-Key", scheme["name"]!.GetValue<string>());
        var server = document["servers"]![0]!;
        Assert.Equal("{scheme}://{host}", server["url"]!.GetValue<string>());
        Assert.Equal("localhost:5080", server["variables"]!["host"]!["default"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_every_protected_one_declares_its_key_and_errors()
    {
        var document = JsonNode.Parse(await api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{where} has no summary");
                var responses = operation["responses"]!.AsObject();
                if (operation["security"]?.AsArray().Any(r => r!.AsObject().ContainsKey("ApiKey")) == true)
                {
                    Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"), $"{where} does not declare 401 and 403");
                }

                if (operation["requestBody"] is not null)
                {
                    Assert.True(responses.ContainsKey("400"), $"{where} does not declare 400");
                }
            }
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
