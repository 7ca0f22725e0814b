using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data.Referrals;
using Referral.Domain.Referrals;

namespace Referral.Api.Features.Referrals;

/// <summary>
/// Referrals of a practice's patients to services, with clinician endorsements, tracked until
/// the loop closes. Scoped to the practice of the key, exactly as profiles are.
/// </summary>
public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/referrals")
            .WithTags("Referrals")
            .WithValidation()
            .RequireAuthorization(Policies.Practice)
            .RequireRateLimiting(RateLimits.Writes);

        group.MapPost("/", CreateReferral)
            .WithName("CreateReferral")
            .WithSummary("Refer a patient to a service, optionally with a clinician's endorsement")
            .WithDescription("The profile must be the practice's own and the service active. A direct referral needs the patient's consent.shareWithProvider. Send an Idempotency-Key to retry safely: the same key with the same body returns the first response and creates nothing; with another body it is 422.")
            .ProducesProblemJson(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotency<ReferralBody>("referral", id => $"/v1/referrals/{id}");

        group.MapGet("/", ListReferrals)
            .WithName("ListReferrals")
            .WithSummary("List the practice's referrals")
            .WithDescription("Only the key's own practice's referrals, a page at a time, filtered by profile, service or status.")
            .DisableRateLimiting();

        group.MapGet("/{id:guid}", GetReferral)
            .WithName("GetReferral")
            .WithSummary("Read one referral with its endorsement and whole history")
            .WithDescription("Returns the referral with an ETag header; send it back as If-Match when you change its status.")
            .ProducesProblemJson(StatusCodes.Status404NotFound)
            .DisableRateLimiting();

        group.MapPost("/{id:guid}/events", ChangeStatus)
            .WithName("ChangeReferralStatus")
            .WithSummary("Move a referral to its next status")
            .WithDescription("Forward one step at a time (proposed, offered, contacted, started, completed), or end an open referral early: declined (with a reason code), not-contactable, no-capacity, withdrawn, or dropped-out once started. Anything else is 409 naming the allowed next statuses. Send If-Match with the referral's ETag to be sure nobody moved it first (412).")
            .ProducesProblemJson(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/endorsement", Endorse)
            .WithName("EndorseReferral")
            .WithSummary("Record a clinician's endorsement of the referred service")
            .WithDescription("At most once per referral, and never edited. The referral must be open, the service not closed, the profile not erased.")
            .ProducesProblemJson(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/endorsement/withdrawal", WithdrawEndorsement)
            .WithName("WithdrawEndorsement")
            .WithSummary("Withdraw an endorsement, with a reason")
            .WithDescription("The endorsement is kept, marked withdrawn with its reason.")
            .ProducesProblemJson(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/audit", GetAudit)
            .WithName("GetReferralAudit")
            .WithSummary("The referral's append-only audit trail")
            .WithDescription("Every endorsement, withdrawal, status change and erasure, with the key that made it. The database refuses to change or delete audit rows.")
            .ProducesProblemJson(StatusCodes.Status404NotFound)
            .DisableRateLimiting();

        return app;
    }

    public static async Task<Results<Created<ReferralView>, ProblemHttpResult, IdempotencyKeyTaken>> CreateReferral(
        ReferralBody body, ClaimsPrincipal user, ReferralWorkflow workflow, HttpContext http, CancellationToken cancellationToken)
    {
        var idempotency = http.IdempotentRequest()?.Storing((ReferralRecord r) => ReferralView.From(r));
        var outcome = await workflow.CreateAsync(PracticeKey.Of(user), body.ToDomain(), idempotency, cancellationToken);
        return outcome switch
        {
            ReferralCreation.Created created => Changed(created.Referral, http),
            ReferralCreation.IdempotencyKeyTaken => IdempotencyKeyTaken.Instance,
            _ => ReferralProblems.For(outcome),
        };
    }

    public static async Task<Ok<ReferralPage>> ListReferrals(
        [AsParameters] ReferralListRequest request, ClaimsPrincipal user, IReferralRepository referrals, CancellationToken cancellationToken)
    {
        var page = await referrals.ListAsync(
            user.OdsCode(), new ReferralQuery(request.ProfileId, request.ServiceId, request.Status, request.Page ?? 1, request.PageSize ?? Paging.DefaultPageSize), cancellationToken);
        return TypedResults.Ok(new ReferralPage(page.Items.Select(ReferralView.From).ToList(), page.PageNumber, page.PageSize, page.Total));
    }

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> GetReferral(
        Guid id, ClaimsPrincipal user, IReferralRepository referrals, HttpContext http, CancellationToken cancellationToken)
    {
        var referral = await referrals.GetAsync(user.OdsCode(), id, cancellationToken);
        if (referral is null)
        {
            return Problem.NotFound("referral");
        }

        http.Response.Headers.ETag = ETags.For(referral.Version);
        return TypedResults.Ok(ReferralView.From(referral));
    }

    public static async Task<Results<Created<ReferralView>, ProblemHttpResult>> ChangeStatus(
        Guid id,
        StatusChangeBody change,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user,
        ReferralWorkflow workflow,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var outcome = await workflow.MoveAsync(PracticeKey.Of(user), id, change.ToDomain(), ETags.ExpectedVersionOf(ifMatch), cancellationToken);
        return outcome is ReferralChange.Done done ? Changed(done.Referral, http) : ReferralProblems.For(outcome);
    }

    public static async Task<Results<Created<ReferralView>, ProblemHttpResult>> Endorse(
        Guid id, EndorsementBody endorsement, ClaimsPrincipal user, ReferralWorkflow workflow, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await workflow.EndorseAsync(PracticeKey.Of(user), id, endorsement.ToDomain(), cancellationToken);
        return outcome is ReferralChange.Done done ? Changed(done.Referral, http) : ReferralProblems.For(outcome);
    }

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> WithdrawEndorsement(
        Guid id, WithdrawalBody withdrawal, ClaimsPrincipal user, ReferralWorkflow workflow, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await workflow.WithdrawEndorsementAsync(PracticeKey.Of(user), id, withdrawal.Reason, cancellationToken);
        if (outcome is not ReferralChange.Done done)
        {
            return ReferralProblems.For(outcome);
        }

        http.Response.Headers.ETag = ETags.For(done.Referral.Version);
        return TypedResults.Ok(ReferralView.From(done.Referral));
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEntryView>>, ProblemHttpResult>> GetAudit(
        Guid id, ClaimsPrincipal user, IReferralRepository referrals, CancellationToken cancellationToken)
    {
        var audit = await referrals.AuditAsync(user.OdsCode(), id, cancellationToken);
        return audit is null
            ? Problem.NotFound("referral")
            : TypedResults.Ok<IReadOnlyList<AuditEntryView>>(audit.Select(AuditEntryView.From).ToList());
    }

    // A closure does not refresh the service's track record: records change only at snapshots
    // (MatchingDirectory), so that no practice can tie a change in what it sees to one referral.
    private static Created<ReferralView> Changed(ReferralRecord referral, HttpContext http)
    {
        http.Response.Headers.ETag = ETags.For(referral.Version);
        return TypedResults.Created($"/v1/referrals/{referral.Id}", ReferralView.From(referral));
    }
}
