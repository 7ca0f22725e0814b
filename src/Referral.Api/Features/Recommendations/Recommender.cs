using System.Text.Json;
using Microsoft.Extensions.Options;
using Referral.Api.Engine;
using Referral.Api.Features.Profiles;
using Referral.Data.Profiles;
using Referral.Data.Recommendations;
using Referral.Domain.Geography;
using Referral.Matching;

namespace Referral.Api.Features.Recommendations;

/// <summary>A set as it was stored: the JSON shown, and the gzip bytes kept.</summary>
public sealed record StoredSet(Guid Id, byte[] Json, byte[] Gzip);

/// <summary>
/// Ranks the directory for one of a practice's profiles, as that practice may see it, and
/// stores the set exactly as it will be shown.
/// </summary>
public sealed class Recommender(
    IProfileRepository profiles,
    IRecommendationRepository recommendations,
    MatchingDirectory directory,
    PostcodeDistricts districts,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    TimeProvider clock)
{
    /// <summary>The stored set, or null when the practice has no such profile (or it was erased meanwhile).</summary>
    public async Task<StoredSet?> RecommendAsync(string odsCode, Guid profileId, int limit, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(odsCode, profileId, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var (candidates, trackRecords) = directory.For(odsCode);
        var result = MatchingEngine.Rank(profile.ToPatient(districts), candidates, limit, DateOnly.FromDateTime(now.UtcDateTime), trackRecords);
        var set = new RecommendationSetView(
            Guid.NewGuid(), profile.Id, profile.Version, result.EngineVersion, WeightsView.From(result.Weights),
            result.Endorsement, result.Items.Select(RecommendedService.From).ToList(), result.Exclusions, result.CandidatesConsidered, now, result.Variety);

        // Stored as the very bytes returned, so a later GET cannot differ from what was shown.
        var document = JsonSerializer.SerializeToUtf8Bytes(set, json.Value.SerializerOptions);
        var stored = StoredDocument.Compress(document);
        var record = new RecommendationSetRecord
        {
            Id = set.Id,
            OdsCode = odsCode,
            ProfileId = profile.Id,
            ProfileVersion = profile.Version,
            EngineVersion = set.EngineVersion,
            ContentEncoding = StoredDocument.Gzip,
            Document = stored,
            CreatedAt = now,
        };

        // False when the profile was erased while the set was being computed.
        return await recommendations.AddAsync(record, cancellationToken) ? new StoredSet(set.Id, document, stored) : null;
    }
}
