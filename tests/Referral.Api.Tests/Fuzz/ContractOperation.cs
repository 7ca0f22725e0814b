namespace Referral.Api.Tests.Fuzz;

/// <summary>One parameter of an operation, as the contract declares it.</summary>
public sealed record ContractParameter(string Name, string In, bool Required, JsonNode? Schema)
{
    public bool InPath => In == "path";

    public bool InHeader => In == "header";
}

/// <summary>One operation of the contract: a method on a path template, with its parameters and body schema.</summary>
public sealed record ContractOperation(
    string Method,
    string Path,
    IReadOnlyList<ContractParameter> Parameters,
    JsonNode? BodySchema,
    IReadOnlyList<string> MethodsOfPath)
{
    public override string ToString() => $"{Method} {Path}";
}
