using Microsoft.AspNetCore.Http.HttpResults;

namespace Referral.Api.Problems;

/// <summary>Builds the problem responses the endpoints return, so each reads the same everywhere.</summary>
public static class Problem
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} with that id exists.");

    public static ProblemHttpResult PreconditionFailed(string etag) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Changed since you read it",
            detail: $"If-Match does not name the current version (ETag {etag}). GET it again, reapply your change and send the new ETag.");

    public static ProblemHttpResult Unprocessable(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
