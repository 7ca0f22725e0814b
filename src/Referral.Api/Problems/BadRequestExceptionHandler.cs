using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Referral.Api.Problems;

/// <summary>
/// Turns what the framework throws for a bad request (malformed or mistyped JSON, an unknown
/// property, a body too large, the wrong media type, an unparsable query value) into a clear
/// problem+json naming the field. Anything else falls through to the generic 500, which never
/// carries a stack trace.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
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

    private static (string Title, string Detail, Dictionary<string, string[]>? Errors) Describe(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("Request body too large", exception.Message, null);
        }

        if (exception.InnerException is JsonException json)
        {
            var path = FieldOf(json.Path);
            var unknown = UnknownProperty().Match(json.Message);
            if (unknown.Success)
            {
                var name = unknown.Groups["name"].Value;
                var field = path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : Join(path, name);
                return ("Unknown property", $"'{field}' is not a property of this request; check its spelling against the API reference.",
                    new() { [field] = ["Unknown property."] });
            }

            var reason = json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "has the wrong type for this field"
                : "is not valid JSON";
            return ("Malformed JSON", $"The request body {reason} at '{path}'.", new() { [path == "$" ? "body" : path] = [$"Value {reason}."] });
        }

        if (exception.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return ("Request body required", "This endpoint needs a JSON body.", new() { ["body"] = ["A JSON body is required."] });
        }

        // Query string and header values that do not parse, e.g. page=abc.
        var binding = BindingFailure().Match(exception.Message);
        if (binding.Success)
        {
            var parameter = JsonNamingPolicy.CamelCase.ConvertName(binding.Groups["name"].Value);
            var message = $"'{binding.Groups["value"].Value}' is not a valid value for '{parameter}'.";
            return ("Invalid parameter", message, new() { [parameter] = [message] });
        }

        return ("Bad request", exception.Message, null);
    }

    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.TrimStart('$', '.');

    private static string Join(string path, string name) => path == "$" ? name : $"{path}.{name}";

    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[^\" ]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex BindingFailure();

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnknownProperty();
}
