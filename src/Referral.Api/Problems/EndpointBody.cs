using Microsoft.AspNetCore.Http.Metadata;

namespace Referral.Api.Problems;

/// <summary>
/// Whether the request's endpoint reads a body (it declares what it accepts). Unmatched requests
/// count as reading none: routing answers them 404 or 405 whatever they send.
/// </summary>
public static class EndpointBody
{
    public static bool IsRead(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null;
}
