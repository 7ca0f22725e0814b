using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data.Directory;
using Referral.Data.Profiles;
using Referral.Data.Recommendations;
using Referral.Data.Referrals;
using Referral.Domain.Factors;
using Referral.Domain.Referrals;

namespace Referral.Api.Features.Referrals;

/// <summary>
/// Referrals of a practice's patients to services, with clinician endorsements, tracked until
/// the loop closes. Scoped to the practice of the key, exactly as profiles are.
/// </summary>
public static class ReferralsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

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
            .ProducesProblemJson(StatusCodes.Status422UnprocessableEntity);

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

    public static async Task<Results<Created<ReferralView>, ContentHttpResult, ProblemHttpResult>> CreateReferral(
        ReferralInput input,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        IReferralRepository referrals,
        IProfileRepository profiles,
        IServiceRepository services,
        IRecommendationRepository recommendations,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var ods = user.OdsCode();
        if (idempotencyKey is { Length: 0 or > 100 })
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = ["An Idempotency-Key is 1 to 100 characters, e.g. a UUID."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid Idempotency-Key",
            });
        }

        // Keys are stored hashed: a client may use anything as a key, even something personal.
        // The body's hash is what tells a replay from a key reused for another referral.
        string? requestHash = null;
        if (idempotencyKey is not null)
        {
            idempotencyKey = Hash(idempotencyKey);
            requestHash = Hash(JsonSerializer.Serialize(input, json.Value.SerializerOptions));
            if (await Replay(referrals, ods, idempotencyKey, requestHash, http, cancellationToken) is { } replay)
            {
                return replay;
            }
        }

        var profile = await profiles.GetAsync(ods, input.ProfileId, cancellationToken);
        if (profile is null)
        {
            return UnknownProfile();
        }

        if (input.Route == "direct" && !profile.Details.Consent.ShareWithProvider)
        {
            return Problem.Unprocessable("Consent needed", "A direct referral passes the patient's contact details to the service, which needs consent.shareWithProvider on the profile. Use route signpost, or record the patient's consent first.");
        }

        var service = await services.GetAsync(input.ServiceId, cancellationToken);
        if (service is null || service.Status != "active")
        {
            return Problem.Unprocessable("Service not available", service is null
                ? "No service with that serviceId exists."
                : $"The service is {service.Status}: only an active service takes referrals.");
        }

        if (input.RecommendationId is { } recommendationId
            && (await recommendations.GetAsync(ods, recommendationId, cancellationToken))?.ProfileId != profile.Id)
        {
            return Problem.Unprocessable("Unknown recommendation set", "Your practice has no recommendation set with that recommendationId for this profile.");
        }

        var now = clock.GetUtcNow();
        var referral = new NewReferral(
            Guid.NewGuid(), ods, profile.Id, service.Id, input.RecommendationId, input.Route, input.Source,
            Cohorts.From(profile.Details.HasUsedPeerSupport).Code(), AgeBands.For(profile.Details.BirthYear, now.Year), input.Endorsement, now);
        var creation = await referrals.CreateAsync(
            referral, r => JsonSerializer.Serialize(ReferralView.From(r), json.Value.SerializerOptions), idempotencyKey, requestHash, user.KeyId(), cancellationToken);
        return creation switch
        {
            ReferralCreation.Created created => Changed(created.Referral, http),
            ReferralCreation.IdempotencyKeyTaken => (await Replay(referrals, ods, idempotencyKey!, requestHash!, http, cancellationToken))!,
            _ => UnknownProfile(),
        };
    }

    public static async Task<Ok<ReferralPage>> ListReferrals(
        [AsParameters] ReferralListRequest request, ClaimsPrincipal user, IReferralRepository referrals, CancellationToken cancellationToken)
    {
        var page = await referrals.ListAsync(
            user.OdsCode(), new ReferralQuery(request.ProfileId, request.ServiceId, request.Status, request.Page ?? 1, request.PageSize ?? 20), cancellationToken);
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
        StatusChangeInput change,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user,
        IReferralRepository referrals,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var outcome = await referrals.ChangeStatusAsync(user.OdsCode(), id, change, ETags.ExpectedVersionOf(ifMatch), user.KeyId(), clock.GetUtcNow(), cancellationToken);
        return outcome is ReferralChange.Done done ? Changed(done.Referral, http) : ProblemFor(outcome);
    }

    public static async Task<Results<Created<ReferralView>, ProblemHttpResult>> Endorse(
        Guid id,
        EndorsementInput endorsement,
        ClaimsPrincipal user,
        IReferralRepository referrals,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var ods = user.OdsCode();
        var outcome = await referrals.EndorseAsync(ods, id, endorsement, user.KeyId(), clock.GetUtcNow(), cancellationToken);
        return outcome is ReferralChange.Done done ? Changed(done.Referral, http) : ProblemFor(outcome);
    }

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> WithdrawEndorsement(
        Guid id,
        WithdrawalInput withdrawal,
        ClaimsPrincipal user,
        IReferralRepository referrals,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var outcome = await referrals.WithdrawEndorsementAsync(user.OdsCode(), id, withdrawal.Reason, user.KeyId(), clock.GetUtcNow(), cancellationToken);
        if (outcome is not ReferralChange.Done done)
        {
            return ProblemFor(outcome);
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

    private static ProblemHttpResult ProblemFor(ReferralChange outcome)
    {
        switch (outcome)
        {
            case ReferralChange.NotAllowed notAllowed:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Status change not allowed",
                    detail: notAllowed.AllowedNext.Count == 0
                        ? $"The referral is {notAllowed.CurrentStatus}, which is final: it cannot move on."
                        : $"A {notAllowed.CurrentStatus} referral can move only to: {string.Join(", ", notAllowed.AllowedNext)}.",
                    extensions: new Dictionary<string, object?> { ["currentStatus"] = notAllowed.CurrentStatus, ["allowedNext"] = notAllowed.AllowedNext });
            case ReferralChange.OutOfOrder outOfOrder:
                return Problem.Unprocessable("Out of order", $"occurredAt is before the referral's previous event ({outOfOrder.Latest:O}).");
            case ReferralChange.VersionMismatch mismatch:
                return Problem.PreconditionFailed(ETags.For(mismatch.CurrentVersion));
            case ReferralChange.ProfileErased:
                return Problem.Unprocessable("Profile erased", "The patient's profile was erased, so this referral can no longer be endorsed.");
            case ReferralChange.ServiceClosed:
                return Problem.Unprocessable("Service closed", "The service has been retired from the directory, so it can no longer be endorsed.");
            case ReferralChange.EndorsementConflict conflict:
                return Problem.Conflict("Endorsement conflict", conflict.Detail);
            default:
                return Problem.NotFound("referral");
        }
    }

    private static async Task<Results<Created<ReferralView>, ContentHttpResult, ProblemHttpResult>?> Replay(
        IReferralRepository referrals, string ods, string key, string requestHash, HttpContext http, CancellationToken cancellationToken)
    {
        var first = await referrals.FindIdempotentAsync(ods, key, cancellationToken);
        if (first is null)
        {
            return null;
        }

        if (first.RequestHash != requestHash)
        {
            return Problem.Unprocessable("Idempotency-Key reused", "This Idempotency-Key was first used with a different request body. Use a new key for a new referral.");
        }

        http.Response.Headers.Location = $"/v1/referrals/{first.ReferralId}";
        using (var stored = JsonDocument.Parse(first.ResponseBody))
        {
            http.Response.Headers.ETag = ETags.For(stored.RootElement.GetProperty("version").GetInt32());
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Content(first.ResponseBody, "application/json", Encoding.UTF8, StatusCodes.Status201Created);
    }

    private static ProblemHttpResult UnknownProfile() =>
        Problem.Unprocessable("Unknown profile", "Your practice has no profile with that profileId.");

    private static string Hash(string canonicalJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
}
