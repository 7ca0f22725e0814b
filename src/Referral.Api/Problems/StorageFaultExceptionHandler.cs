using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Referral.Data;

namespace Referral.Api.Problems;

/// <summary>
/// A write the storage refused (disk full, locked by another process, read-only, damaged) is
/// the server's trouble, not the client's, and nothing was stored: 503 with Retry-After, so a
/// practice system retries later instead of reporting a bug. One log line per refusal names the
/// fault for the operator; it carries no request data.
/// </summary>
public sealed partial class StorageFaultExceptionHandler(IProblemDetailsService problems, ILogger<StorageFaultExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageFaultException fault)
        {
            return false;
        }

        var (title, detail, retryAfter) = Describe(fault.Kind);
        // The route's pattern, not its path: ids in a path are nobody's business in a log.
        var route = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText : null;
        LogRefused(logger, fault.Kind, httpContext.Request.Method, route ?? "(no route)", fault.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail },
            Exception = exception,
        });
    }

    // A lock clears in seconds; space, permissions and damage need an operator.
    private static (string Title, string Detail, TimeSpan RetryAfter) Describe(StorageFaultKind kind) => kind switch
    {
        StorageFaultKind.Busy => ("Database busy",
            "Nothing was saved: another process held the database's write lock for too long. Try again in a few seconds.", TimeSpan.FromSeconds(5)),
        StorageFaultKind.Full => ("Storage full",
            "Nothing was saved: the server's storage is full. Reading still works; try again later.", TimeSpan.FromSeconds(60)),
        StorageFaultKind.ReadOnly => ("Database is read-only",
            "Nothing was saved: the server's database accepts no writes at the moment. Reading still works; try again later.", TimeSpan.FromSeconds(60)),
        StorageFaultKind.Damaged => ("Database damaged",
            "Nothing was saved: the server's database file is damaged. Try again later.", TimeSpan.FromSeconds(60)),
        _ => ("Storage unavailable",
            "Nothing was saved: the server could not write to its storage. Try again later.", TimeSpan.FromSeconds(60)),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Write refused ({Kind}) for {Method} {Route}: {Fault}")]
    private static partial void LogRefused(ILogger logger, StorageFaultKind kind, string method, string route, string fault);
}
