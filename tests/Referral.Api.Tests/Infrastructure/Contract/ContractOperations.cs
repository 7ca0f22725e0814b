using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Referral.Api.Tests.Infrastructure.Contract;

/// <summary>One operation of the contract: its method, path template and declared responses.</summary>
public sealed record ContractOperation(string Method, string Template, Regex Path, int LiteralSegments, JsonObject Responses)
{
    public string Name => $"{Method} {Template}";

    /// <summary>The response declared for a status: exact, then a range such as 4XX, then default.</summary>
    public JsonObject? ResponseFor(int status) =>
        (Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
         ?? Responses[$"{status / 100}XX"]
         ?? Responses["default"]) as JsonObject;
}

/// <summary>Finds the operation a request was for, as the router would: literal segments beat parameters.</summary>
public sealed class ContractOperations
{
    private readonly List<ContractOperation> _operations = [];

    public ContractOperations(JsonObject document)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var pattern = "^/" + string.Join('/', segments.Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "/?$";
            var literals = segments.Count(s => !s.StartsWith('{'));
            foreach (var (method, operation) in item!.AsObject())
            {
                _operations.Add(new ContractOperation(
                    method.ToUpperInvariant(), template, new Regex(pattern, RegexOptions.CultureInvariant), literals, operation!["responses"]!.AsObject()));
            }
        }
    }

    public IReadOnlyList<ContractOperation> All => _operations;

    /// <summary>The operations whose path template matches, most specific first (any method).</summary>
    public IReadOnlyList<ContractOperation> ForPath(string path) =>
        _operations.Where(o => o.Path.IsMatch(path)).OrderByDescending(o => o.LiteralSegments).ToList();
}
