using System.ComponentModel;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Http;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data.Recommendations;
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
        Guid id, [AsParameters] RecommendationRequest request, ClaimsPrincipal user, Recommender recommender, HttpContext http, CancellationToken cancellationToken)
    {
        var set = await recommender.RecommendAsync(user.OdsCode(), id, request.Limit ?? RecommendationRequest.DefaultLimit, cancellationToken);
        if (set is null)
        {
            return Problem.NotFound("profile");
        }

        http.Response.Headers.Location = $"/v1/recommendations/{set.Id}";
        return new StoredJsonResult(set.Json, set.Gzip, StatusCodes.Status201Created);
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
