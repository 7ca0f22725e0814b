using System.Text;
using Referral.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Referral.Api.Tests.Platform.Limits;

/// <summary>
/// The contract's limits are the enforced ones: for every limit the served contract declares
/// (see <see cref="LimitCases"/>), a request with the value at the limit is not refused for that
/// limit, and one with the value just past it is a 400 naming the field and the contract's number.
/// Ids in paths are random: validation answers before any lookup, so a valid request is a 404 or
/// 412 here, which is all this test needs of it.
/// </summary>
public sealed class DeclaredLimitTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_limit_in_the_contract_is_enforced_exactly_there()
    {
        var document = JsonNode.Parse(await api.CreateUncheckedClient().GetStringAsync("/openapi/v1.json"))!;
        var cases = LimitCases.From(document).ToList();
        var admin = api.Admin();
        var practice = await api.PracticeAsync(ApiFactory.PracticeA);
        var failures = new List<string>();

        foreach (var limit in cases)
        {
            // Directory admins' operations: the directory and its imports.
            var client = limit.Path.StartsWith("/v1/services", StringComparison.Ordinal) || limit.Path.StartsWith("/v1/imports", StringComparison.Ordinal) ? admin : practice;
            if (limit.AtLimit is not null)
            {
                var errors = await ErrorsFor(client, limit, limit.AtLimit);
                if (limit.Message is not null && errors.Contains(limit.Message, StringComparison.Ordinal))
                {
                    failures.Add($"{limit} at the limit was refused: {errors}");
                }
            }

            var past = await ErrorsFor(client, limit, limit.PastLimit);
            if (past.Length == 0 || (limit.Message is not null && !past.Contains(limit.Message, StringComparison.Ordinal)))
            {
                failures.Add($"{limit} past the limit was not refused for it (expected \"{limit.Message}\"): '{past}'");
            }
        }

        output.WriteLine($"{cases.Count} limits, on {cases.Select(c => (c.BodySchema, c.FieldName)).Distinct().Count()} fields.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // A contract that lost its limits would pass the loop above with nothing to check.
        Assert.True(cases.Count > 50, $"Only {cases.Count} limits found in the contract.");
    }

    /// <summary>The 400's messages for the case's field, or "" when the request was not refused for it.</summary>
    private static async Task<string> ErrorsFor(HttpClient client, LimitCase limit, JsonNode? value)
    {
        using var request = Build(limit, value);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return string.Empty;
        }

        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return problem["errors"]?[limit.FieldName] is JsonArray messages
            ? string.Join(" ", messages.Select(m => m!.GetValue<string>()))
            : string.Empty;
    }

    private static HttpRequestMessage Build(LimitCase limit, JsonNode? value)
    {
        var path = limit.Path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        if (limit.Place == LimitPlace.Query)
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
            path += $"?{limit.Field[0]}={Uri.EscapeDataString(text ?? string.Empty)}";
        }

        var request = new HttpRequestMessage(new HttpMethod(limit.Method), path);
        if (limit.Body is not null)
        {
            var body = limit.Body.DeepClone().AsObject();
            if (limit.Place == LimitPlace.Body)
            {
                var parent = limit.Field.SkipLast(1).Aggregate(body, (node, name) => node[name]!.AsObject());
                parent[limit.Field[^1]] = value?.DeepClone();
            }

            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        // The preconditions writes ask for, so that validation is what answers.
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }
}
