using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Features.Fhir;
using Referral.Api.Features.Referrals;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data.Referrals;

namespace Referral.Api.Features.GpRecord;

/// <summary>
/// Back to the GP record: the SNOMED CT codes a practice files for a referral, the closure
/// summary (the "message back to GP and referrer") as JSON, PDF or a FHIR document, and the
/// patient's choice of what may go back. Scoped to the key's practice, like every referral read.
/// </summary>
public static class GpRecordApi
{
    public static IEndpointRouteBuilder MapGpRecordApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/referrals")
            .WithTags("GP record")
            .WithValidation()
            .RequireAuthorization(Policies.Practice)
            .RequireRateLimiting(RateLimits.Writes);

        group.MapGet("/{id:guid}/codes", GetCodes)
            .WithName("GetReferralCodes")
            .WithSummary("The SNOMED CT codes to file in the patient's GP record")
            .WithDescription("Each coded event of the referral, oldest first, with its time and the practice: 871731000000106 |Referral to social prescribing service| when the referral was made, 871711000000103 |Social prescribing declined| when the patient declined. Events with no published UK concept are left out, never coded with a guess. Codes go back whatever the referral's recordSharing.")
            .ProducesProblemJson(StatusCodes.Status404NotFound)
            .DisableRateLimiting();

        group.MapGet("/{id:guid}/summary", GetSummary)
            .WithName("GetReferralSummary")
            .WithSummary("The closure summary, once the referral has ended")
            .WithDescription("Who was referred, by whom and with what endorsement, the service and its formats, the status history with dates, the decline reason code and the codes to file: as JSON (Accept: application/json, the default), as a PDF to file as a document (Accept: application/pdf) or as a FHIR document Bundle (Accept: application/fhir+json). With recordSharing codes-only there are no free text, names or notes in any of them. 409 while the referral is still open; 406 for an Accept that takes none of the three.")
            .Produces<SharedReferral>(StatusCodes.Status200OK, SummaryFormats.Json)
            .ProducesProblemJson(StatusCodes.Status404NotFound, StatusCodes.Status406NotAcceptable, StatusCodes.Status409Conflict)
            .DisableRateLimiting();

        group.MapPut("/{id:guid}/record-sharing", ChangeRecordSharing)
            .WithName("ChangeRecordSharing")
            .WithSummary("Change what may go back to the GP record")
            .WithDescription("The practice records the patient's current choice: full-summary or codes-only. It applies to every output from then on (codes, summary, FHIR), and the change is audited. Allowed in any status.")
            .ProducesProblemJson(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Ok<ReferralCodesView>, ProblemHttpResult>> GetCodes(
        Guid id, ClaimsPrincipal user, IReferralRepository referrals, CancellationToken cancellationToken)
    {
        var referral = await referrals.GetAsync(user.OdsCode(), id, cancellationToken);
        return referral is null
            ? Problem.NotFound("referral")
            : TypedResults.Ok(new ReferralCodesView(referral.Id, referral.OdsCode, CodedEvents.Of(referral)));
    }

    public static async Task<IResult> GetSummary(
        Guid id, ClaimsPrincipal user, SharedReferrals referrals, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var summary = await referrals.GetAsync(user.OdsCode(), id, cancellationToken);
        if (summary is null)
        {
            return Problem.NotFound("referral");
        }

        http.Response.Headers.Vary = "Accept";
        var format = SummaryFormats.Choose(http.Request);
        if (format is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status406NotAcceptable,
                title: "Not acceptable",
                detail: $"The summary is served as {string.Join(", ", SummaryFormats.All)}: send one of them in Accept.");
        }

        if (!summary.IsClosed)
        {
            return Problem.Conflict("Referral still open", $"The referral is {summary.Status}: its summary is written once it ends (completed, declined, not-contactable, no-capacity, dropped-out or withdrawn).");
        }

        var now = clock.GetUtcNow();
        return format switch
        {
            SummaryPdf.MediaType => TypedResults.File(SummaryPdf.Render(summary, now), SummaryPdf.MediaType, $"referral-{summary.ReferralId}-summary.pdf"),
            FhirJson.MediaType => FhirJson.Result(SummaryBundle.Of(summary, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{FhirApi.Root}", now)),
            _ => TypedResults.Ok(summary),
        };
    }

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> ChangeRecordSharing(
        Guid id, RecordSharingBody body, ClaimsPrincipal user, ReferralWorkflow workflow, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await workflow.ShareWithRecordAsync(PracticeKey.Of(user), id, body.RecordSharing, cancellationToken);
        if (outcome is not ReferralChange.Done done)
        {
            return ReferralProblems.For(outcome);
        }

        http.Response.Headers.ETag = ETags.For(done.Referral.Version);
        return TypedResults.Ok(ReferralView.From(done.Referral));
    }
}
