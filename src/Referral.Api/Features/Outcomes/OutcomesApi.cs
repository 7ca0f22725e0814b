using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data.Outcomes;
using Referral.Domain.Outcomes;

namespace Referral.Api.Features.Outcomes;

/// <summary>
/// Outcome measures of a referral: ONS4 personal wellbeing at referral and after the support
/// started, with UCLA-3 again at follow-up. Personal data, scoped to the key's practice like the
/// referral, audited, and erased with the profile.
/// </summary>
public static class OutcomesApi
{
    public static IEndpointRouteBuilder MapOutcomesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/referrals")
            .WithTags("Outcomes")
            .WithValidation()
            .RequireAuthorization(Policies.Practice)
            .RequireRateLimiting(RateLimits.Writes);

        group.MapPost("/{id:guid}/outcomes", Record)
            .WithName("RecordOutcome")
            .WithSummary("Record ONS4 (and at follow-up UCLA-3) for a referral")
            .WithDescription("A baseline once, at referral (before the support starts); follow-ups any time after the support started, each reporting its interval in days since the start. Stored with who took the measures and when, and audited (the audit holds the timepoint, never the answers). Erased with the profile. Send an Idempotency-Key to make a retry safe: a follow-up sent twice is otherwise stored twice. 409 for a second baseline or a follow-up before the referral started; 422 for a measurement dated out of order or a referral whose profile was erased.")
            .ProducesProblemJson(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithIdempotency<OutcomeBody>("set of outcome measures", id => $"/v1/referrals/{id}/outcomes");

        group.MapGet("/{id:guid}/outcomes", List)
            .WithName("ListOutcomes")
            .WithSummary("The referral's outcome measures, oldest first")
            .WithDescription("Every ONS4 set (and UCLA-3 at follow-up) recorded for the referral, by measurement time, with who took it, when, and its interval. Only the key's own practice's referrals; an erased profile's measures are gone.")
            .ProducesProblemJson(StatusCodes.Status404NotFound)
            .DisableRateLimiting();

        return app;
    }

    public static async Task<Results<Created<OutcomeView>, ProblemHttpResult, IdempotencyKeyTaken>> Record(
        Guid id, OutcomeBody body, ClaimsPrincipal user, IOutcomeRepository outcomes, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var practice = PracticeKey.Of(user);
        var idempotency = http.IdempotentRequest()?.Storing((OutcomeRecord outcome) => OutcomeView.From(outcome));
        var recording = await outcomes.RecordAsync(practice.OdsCode, id, body.ToDomain(), idempotency, practice.KeyId, clock.GetUtcNow(), cancellationToken);
        return recording switch
        {
            OutcomeRecording.Recorded recorded => TypedResults.Created($"/v1/referrals/{id}/outcomes", OutcomeView.From(recorded.Outcome)),
            OutcomeRecording.IdempotencyKeyTaken => IdempotencyKeyTaken.Instance,
            OutcomeRecording.Refused { Reason: { IsConflict: true } reason } => Problem.Conflict(reason.Title, reason.Detail),
            OutcomeRecording.Refused refused => Problem.Unprocessable(refused.Reason.Title, refused.Reason.Detail),
            _ => Problem.NotFound("referral"),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<OutcomeView>>, ProblemHttpResult>> List(
        Guid id, ClaimsPrincipal user, IOutcomeRepository outcomes, CancellationToken cancellationToken)
    {
        var list = await outcomes.ListAsync(user.OdsCode(), id, cancellationToken);
        return list is null
            ? Problem.NotFound("referral")
            : TypedResults.Ok<IReadOnlyList<OutcomeView>>(list.Select(OutcomeView.From).ToList());
    }
}
