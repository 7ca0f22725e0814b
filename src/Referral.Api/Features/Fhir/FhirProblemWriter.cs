using Microsoft.AspNetCore.Mvc;

namespace Referral.Api.Features.Fhir;

/// <summary>
/// Every error under /fhir, wherever it is raised (authentication, authorisation, binding, the
/// body limit, an unknown route), goes out as a FHIR OperationOutcome rather than RFC 9457
/// problem+json: registered ahead of the default writer, it takes every problem of a /fhir request.
/// </summary>
public sealed class FhirProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => FhirApi.IsFhirRequest(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        var words = new List<string>();
        if (!string.IsNullOrWhiteSpace(problem.Title))
        {
            words.Add(problem.Title.TrimEnd('.') + ".");
        }

        if (!string.IsNullOrWhiteSpace(problem.Detail))
        {
            words.Add(problem.Detail);
        }

        if (problem is HttpValidationProblemDetails validation)
        {
            words.AddRange(validation.Errors.SelectMany(e => e.Value));
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = FhirJson.MediaType + "; charset=utf-8";
        var outcome = FhirOutcomes.Outcome(status, words.Count > 0 ? string.Join(" ", words) : "The request failed.");
        outcome.Issue[0].Diagnostics += $" (traceId {http.TraceIdentifier})";
        await http.Response.WriteAsync(FhirJson.Serialize(outcome), http.RequestAborted);
    }
}
