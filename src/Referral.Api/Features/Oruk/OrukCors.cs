namespace Referral.Api.Features.Oruk;

/// <summary>
/// Access-Control-Allow-Origin: * on every answer of the feed, errors and 304s included, as the
/// ORUK compliance criteria ask: any web page may read the open directory. It carries no
/// credentials (the feed takes no key), so allowing every origin exposes nothing.
/// </summary>
public sealed class OrukCors(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments(OrukApi.Root, StringComparison.Ordinal))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
