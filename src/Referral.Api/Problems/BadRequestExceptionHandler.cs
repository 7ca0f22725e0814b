using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

using Referral.Api.Validation;

namespace Referral.Api.Problems;

/// <summary>
/// Turns what the framework throws for a bad request (malformed or mistyped JSON, an unknown
/// property, a body too large, the wrong media type, an unparsable query value) into a clear
/// problem+json naming the field and the rule. Anything else falls through to the generic 500,
/// which never carries a stack trace.
/// </summary>
/// <remarks>
/// A problem never repeats what was sent, not even an unknown property's name: a GP system that
/// puts an NHS number in the wrong place must not get it back in a body that proxies and client
/// logs keep. The framework's own messages quote values, so none is passed through.
/// </remarks>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems, RequestContract contract) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (title, detail, errors) = Describe(badRequest);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = badRequest.StatusCode;
        problem.Title = title;
        problem.Detail = detail;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private (string Title, string Detail, Dictionary<string, string[]>? Errors) Describe(BadHttpRequestException exception)
    {
        switch (exception.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return ("Request body too large", exception.Message, null);
            case StatusCodes.Status415UnsupportedMediaType:
                return ("Unsupported media type", RequestMediaType.Expected, null);
        }

        if (exception.InnerException is JsonException json)
        {
            return DescribeJson(json);
        }

        if (FrameworkMessages.TryParseBindingFailure(exception.Message, out var type, out var name))
        {
            var parameter = WireNames.OfParameter(name);
            var message = $"'{parameter}' must be {FrameworkMessages.Expected(type)}.";
            return ("Invalid parameter", message, new() { [parameter] = [message] });
        }

        if (FrameworkMessages.TryParseMissingParameter(exception.Message, out name))
        {
            var parameter = WireNames.OfParameter(name);
            var message = $"'{parameter}' is required.";
            return ("Missing parameter", message, new() { [parameter] = [message] });
        }

        if (exception.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return ("Request body required", "This endpoint needs a JSON body.", new() { ["body"] = ["A JSON body is required."] });
        }

        return ("Bad request", "The request could not be read; check it against the API reference.", null);
    }

    private (string Title, string Detail, Dictionary<string, string[]>? Errors) DescribeJson(JsonException json)
    {
        if (FrameworkMessages.TryParseUnknownProperty(json.Message, out var name, out var typeName))
        {
            // The property's own name is never repeated; its place and the names allowed there are.
            var parent = JsonPaths.Field(JsonPaths.Without(json.Path, name));
            var allowed = contract.PropertiesOf(typeName);
            var where = parent == JsonPaths.Root ? "The body" : $"'{parent}'";
            var message = allowed.Count == 0
                ? $"{where} has a property this request does not define."
                : $"{where} has a property this request does not define; allowed: {string.Join(", ", allowed)}.";
            return ("Unknown property", message, new() { [parent] = [message] });
        }

        if (json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            var field = JsonPaths.Field(json.Path);
            return ("Malformed JSON", $"The request body has the wrong type for this field at '{field}'.", new() { [field] = ["Value has the wrong type for this field."] });
        }

        // A syntax error: where it is says more than the path, and quotes nothing.
        var at = json.LineNumber is { } line && json.BytePositionInLine is { } position
            ? $" (line {line + 1}, byte {position + 1})"
            : string.Empty;
        return ("Malformed JSON", $"The request body is not valid JSON{at}.", new() { [JsonPaths.Root] = [$"Body is not valid JSON{at}."] });
    }
}
