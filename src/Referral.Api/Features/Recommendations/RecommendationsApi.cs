using Referral.Api.Engine;
using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Referral.Api.Features.Profiles;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data.Profiles;
using Referral.Data.Recommendations;
using Referral.Domain.Geography;
using Referral.Matching;

namespace Referral.Api.Features.Recommendations;

/// <summary>Ranked, explained recommendations for one of the practice's patients, and the model behind them.</summary>
public static class RecommendationsApi
{
    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var practice = app.MapGroup("/v1")
            .WithTags("Recommendations")
            .WithValidation()
            .RequireAuthorization(Policies.Practice);

        practice.MapPost("/profiles/{id:guid}/recommendations", Recommend)
            .WithName("Recommend")
            .WithSummary("Rank the directory for a patient and keep the result")
            .WithDescription("Computes a new recommendation set from the profile as it is now and stores it unchanged: its Location can be read back later, even after the directory or the profile changed. Every item explains each factor in plain words; endorsement says when the GP's personal recommendation is likely to matter. Send Accept-Encoding: gzip to receive it gzip-compressed, about a sixth of the size.")
            .Produces<RecommendationSetView>(StatusCodes.Status201Created)
            .ProducesProblemJson(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimits.Writes);

        practice.MapGet("/recommendations/{id:guid}", GetRecommendation)
            .WithName("GetRecommendation")
            .WithSummary("Read a stored recommendation set, exactly as it was returned")
            .WithDescription("The JSON is byte for byte what the POST returned. Sets are stored gzip-compressed: send Accept-Encoding: gzip to receive the stored bytes as they are (Content-Encoding: gzip), about a sixth of the size.")
            .Produces<RecommendationSetView>()
            .ProducesProblemJson(StatusCodes.Status404NotFound);

        app.MapGet("/v1/matching/model", GetModel)
            .WithTags("Recommendations")
            .WithName("GetMatchingModel")
            .WithSummary("The published matching model")
            .WithDescription("The engine version, each decision factor with its scoring rule in words, the two cohort priors with their sources (survey or the product's assumption), the weighting method and the hard constraints: exactly what the engine does.")
            .AllowAnonymous();

        return app;
    }

    public static async Task<Results<StoredJsonResult, ProblemHttpResult>> Recommend(
        Guid id,
        [AsParameters] RecommendationRequest request,
        ClaimsPrincipal user,
        IProfileRepository profiles,
        IRecommendationRepository recommendations,
        MatchingDirectory directory,
        PostcodeDistricts districts,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var ods = user.OdsCode();
        var profile = await profiles.GetAsync(ods, id, cancellationToken);
        if (profile is null)
        {
            return Problem.NotFound("profile");
        }

        var now = clock.GetUtcNow();
        var (candidates, trackRecords) = directory.For(ods);
        var result = MatchingEngine.Rank(profile.ToPatient(districts), candidates, request.Limit ?? RecommendationRequest.DefaultLimit, DateOnly.FromDateTime(now.UtcDateTime), trackRecords);
        var set = new RecommendationSetView(
            Guid.NewGuid(), profile.Id, profile.Version, result.EngineVersion, WeightsView.From(result.Weights),
            result.Endorsement, result.Items.Select(RecommendedService.From).ToList(), result.Exclusions, result.CandidatesConsidered, now);

        // Stored as the very bytes returned, so a later GET cannot differ from what was shown.
        var document = JsonSerializer.SerializeToUtf8Bytes(set, json.Value.SerializerOptions);
        var stored = StoredDocument.Compress(document);
        var added = await recommendations.AddAsync(
            new RecommendationSetRecord
            {
                Id = set.Id,
                OdsCode = ods,
                ProfileId = profile.Id,
                ProfileVersion = profile.Version,
                EngineVersion = set.EngineVersion,
                ContentEncoding = StoredDocument.Gzip,
                Document = stored,
                CreatedAt = now,
            },
            cancellationToken);
        if (!added)
        {
            // The profile was erased while the set was being computed.
            return Problem.NotFound("profile");
        }

        http.Response.Headers.Location = $"/v1/recommendations/{set.Id}";
        return new StoredJsonResult(document, stored, StatusCodes.Status201Created);
    }

    public static async Task<Results<StoredJsonResult, ProblemHttpResult>> GetRecommendation(
        Guid id, ClaimsPrincipal user, IRecommendationRepository recommendations, CancellationToken cancellationToken)
    {
        var set = await recommendations.GetAsync(user.OdsCode(), id, cancellationToken);
        if (set is null)
        {
            return Problem.NotFound("recommendation set");
        }

        // Decoded even for a client that takes the gzip bytes, so that a damaged row is never
        // passed on as if it were the set that was shown.
        var json = StoredDocument.Decode(set);
        return new StoredJsonResult(json, set.ContentEncoding == StoredDocument.Gzip ? set.Document : null);
    }

    public static Ok<MatchingModel> GetModel() => TypedResults.Ok(MatchingEngine.Model);
}

/// <summary>The query string of POST /v1/profiles/{id}/recommendations.</summary>
public sealed record RecommendationRequest
{
    [FromQuery(Name = "limit")]
    [System.ComponentModel.DataAnnotations.Range(1, 50), DefaultValue(DefaultLimit)]
    [Description("How many services to return.")]
    public int? Limit { get; init; }

    public const int DefaultLimit = 10;
}
