using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data;
using Referral.Data.Profiles;
using Referral.Domain.Profiles;

namespace Referral.Api.Features.Profiles;

/// <summary>
/// Patient preference profiles, recorded by a GP practice system with the patient's consent.
/// Every call is scoped to the practice of the key: another practice's profile is a 404,
/// exactly like one that does not exist.
/// </summary>
public static class ProfilesApi
{
    public static IEndpointRouteBuilder MapProfilesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/profiles")
            .WithTags("Profiles")
            .WithValidation()
            .RequireAuthorization(Policies.Practice)
            .RequireRateLimiting(RateLimits.Writes);

        group.MapPost("/", CreateProfile)
            .WithName("CreateProfile")
            .WithSummary("Record a patient's preference profile")
            .WithDescription("Needs consent.storeProfile = true (else 422). patientRef must be new to the practice (else 409). The NHS number is optional, checked with Modulus 11, and only ever returned masked.")
            .ProducesProblemJson(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", ListProfiles)
            .WithName("ListProfiles")
            .WithSummary("List the practice's profiles, or find one by patientRef")
            .WithDescription("Only the key's own practice's profiles, oldest first, a page at a time; patientRef finds one patient's profile exactly.")
            .DisableRateLimiting();

        group.MapGet("/{id:guid}", GetProfile)
            .WithName("GetProfile")
            .WithSummary("Read one profile")
            .WithDescription("Returns the profile with an ETag header; send it back as If-Match when you replace the profile.")
            .ProducesProblemJson(StatusCodes.Status404NotFound)
            .DisableRateLimiting();

        group.MapPut("/{id:guid}", ReplaceProfile)
            .WithName("ReplaceProfile")
            .WithSummary("Replace a profile")
            .WithDescription("Send the whole profile with If-Match set to the ETag from GET (412 on a mismatch). To withdraw consent to storing it, erase the profile instead (DELETE).")
            .ProducesProblemJson(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{id:guid}", EraseProfile)
            .WithName("EraseProfile")
            .WithSummary("Erase a profile (UK GDPR right to erasure)")
            .WithDescription("Deletes the profile and all its personal data for good. Cannot be undone.")
            .ProducesProblemJson(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Created<ProfileView>, ProblemHttpResult>> CreateProfile(
        ProfileBody body, ClaimsPrincipal user, IProfileRepository profiles, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!body.Consent.StoreProfile)
        {
            return NoConsent();
        }

        if (ProfileMapping.IsMasked(body.NhsNumber))
        {
            return MaskedNhsNumber("A new profile has no stored NHS number for the masked form to stand for: send the full number or none.");
        }

        var profile = await profiles.CreateAsync(user.OdsCode(), ProfileMapping.NhsNumberOf(body), body.ToDetails(), clock.GetUtcNow(), cancellationToken);
        if (profile is null)
        {
            return DuplicatePatientRef();
        }

        http.Response.Headers.ETag = ETags.For(profile.Version);
        return TypedResults.Created($"/v1/profiles/{profile.Id}", ProfileView.From(profile));
    }

    public static async Task<Ok<ProfilePage>> ListProfiles(
        [AsParameters] ProfileListRequest request, ClaimsPrincipal user, IProfileRepository profiles, CancellationToken cancellationToken)
    {
        var patientRef = string.IsNullOrEmpty(request.PatientRef) ? null : request.PatientRef;
        var page = await profiles.ListAsync(user.OdsCode(), patientRef, request.Page ?? 1, request.PageSize ?? Paging.DefaultPageSize, cancellationToken);
        return TypedResults.Ok(new ProfilePage(page.Items.Select(ProfileView.From).ToList(), page.PageNumber, page.PageSize, page.Total));
    }

    public static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> GetProfile(
        Guid id, ClaimsPrincipal user, IProfileRepository profiles, HttpContext http, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(user.OdsCode(), id, cancellationToken);
        if (profile is null)
        {
            return Problem.NotFound("profile");
        }

        http.Response.Headers.ETag = ETags.For(profile.Version);
        return TypedResults.Ok(ProfileView.From(profile));
    }

    public static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> ReplaceProfile(
        Guid id,
        ProfileBody body,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user,
        IProfileRepository profiles,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!body.Consent.StoreProfile)
        {
            return NoConsent();
        }

        // A body read with GET carries the masked number: it stands for the stored one, which the
        // mask must match, and never replaces it.
        var nhsNumber = ProfileMapping.NhsNumberOf(body);
        if (ProfileMapping.IsMasked(body.NhsNumber))
        {
            var stored = await profiles.GetAsync(user.OdsCode(), id, cancellationToken);
            if (stored is null)
            {
                return Problem.NotFound("profile");
            }

            if (!ProfileMapping.TryKeep(body, stored.NhsNumber, out nhsNumber))
            {
                return MaskedNhsNumber("The masked NHS number does not match the stored one: send the full number to change it, or none to remove it.");
            }
        }

        var outcome = await profiles.ReplaceAsync(
            user.OdsCode(), id, nhsNumber, body.ToDetails(), ETags.ExpectedVersionOf(ifMatch), clock.GetUtcNow(), cancellationToken);
        switch (outcome)
        {
            case ReplaceOutcome<Profile>.Replaced replaced:
                http.Response.Headers.ETag = ETags.For(replaced.Value.Version);
                return TypedResults.Ok(ProfileView.From(replaced.Value));
            case ReplaceOutcome<Profile>.VersionMismatch mismatch:
                return Problem.PreconditionFailed(ETags.For(mismatch.CurrentVersion));
            case ReplaceOutcome<Profile>.Duplicate:
                return DuplicatePatientRef();
            default:
                return Problem.NotFound("profile");
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EraseProfile(
        Guid id, ClaimsPrincipal user, IProfileRepository profiles, TimeProvider clock, CancellationToken cancellationToken) =>
        await profiles.EraseAsync(user.OdsCode(), id, user.KeyId(), clock.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : Problem.NotFound("profile");

    private static ProblemHttpResult MaskedNhsNumber(string detail) =>
        TypedResults.Problem(TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["nhsNumber"] = [detail] }, detail, title: "The request has invalid fields").ProblemDetails);

    private static ProblemHttpResult NoConsent() =>
        Problem.Unprocessable("Consent needed", "A profile can only be stored when the patient has agreed: consent.storeProfile must be true.");

    private static ProblemHttpResult DuplicatePatientRef() =>
        Problem.Conflict("Patient reference in use", "This practice already has a profile with that patientRef. Find it with GET /v1/profiles?patientRef=… and replace it instead.");
}
