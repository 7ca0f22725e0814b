namespace Referral.Api.Tests.Platform.Limits;

/// <summary>Where a bounded value goes in a request: a property of the JSON body (by path) or a query parameter.</summary>
public enum LimitPlace
{
    Body,
    Query,
}

/// <summary>
/// One limit of the contract, with the value at it (null when no generic value can be at it, as
/// for a pattern) and one just past it. Message is the part of the API's error that names this
/// limit's number ("at most 8", "between 1 and 200"); null for a pattern, which any error for
/// the field satisfies.
/// </summary>
public sealed record LimitCase(
    string Method,
    string Path,
    string? BodySchema,
    JsonObject? Body,
    LimitPlace Place,
    IReadOnlyList<string> Field,
    string Keyword,
    JsonNode? AtLimit,
    JsonNode? PastLimit,
    string? Message)
{
    /// <summary>The field as the API names it in a 400's errors.</summary>
    public string FieldName => string.Join('.', Field);

    public override string ToString() => $"{Method} {Path} {FieldName} {Keyword}";
}
