using Hl7.Fhir.Model;

namespace Referral.Api.Features.Fhir;

/// <summary>FHIR errors: an OperationOutcome with the HTTP status, as FHIR's RESTful API expects.</summary>
public static class FhirOutcomes
{
    public static IResult Error(int status, string diagnostics, OperationOutcome.IssueType? type = null) =>
        FhirJson.Result(Outcome(status, diagnostics, type), status);

    public static IResult NotFound(string resourceType, string id) =>
        Error(StatusCodes.Status404NotFound, $"{resourceType}/{id} is not known.", OperationOutcome.IssueType.NotFound);

    public static IResult Invalid(string diagnostics) =>
        Error(StatusCodes.Status400BadRequest, diagnostics, OperationOutcome.IssueType.Invalid);

    public static OperationOutcome Outcome(int status, string diagnostics, OperationOutcome.IssueType? type = null) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = status >= 500 ? OperationOutcome.IssueSeverity.Fatal : OperationOutcome.IssueSeverity.Error,
                Code = type ?? TypeFor(status),
                Diagnostics = diagnostics,
            },
        ],
    };

    /// <summary>The FHIR issue type that says what an HTTP status says.</summary>
    public static OperationOutcome.IssueType TypeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => OperationOutcome.IssueType.Login,
        StatusCodes.Status403Forbidden => OperationOutcome.IssueType.Forbidden,
        StatusCodes.Status404NotFound => OperationOutcome.IssueType.NotFound,
        StatusCodes.Status405MethodNotAllowed or StatusCodes.Status406NotAcceptable or StatusCodes.Status415UnsupportedMediaType => OperationOutcome.IssueType.NotSupported,
        StatusCodes.Status413PayloadTooLarge => OperationOutcome.IssueType.TooLong,
        StatusCodes.Status429TooManyRequests => OperationOutcome.IssueType.Throttled,
        StatusCodes.Status503ServiceUnavailable => OperationOutcome.IssueType.Transient,
        >= 500 => OperationOutcome.IssueType.Exception,
        _ => OperationOutcome.IssueType.Invalid,
    };
}
