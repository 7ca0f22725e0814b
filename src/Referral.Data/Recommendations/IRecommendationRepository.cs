namespace Referral.Data.Recommendations;

public interface IRecommendationRepository
{
    /// <summary>
    /// Stores the set if its profile still exists at the moment of writing, so that a set
    /// computed while the profile was being erased is not left behind. False when it was not stored.
    /// </summary>
    Task<bool> AddAsync(RecommendationSetRecord recommendationSet, CancellationToken cancellationToken);

    /// <summary>The practice's set with this id, or null (another practice's set is null too).</summary>
    Task<RecommendationSetRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken);
}
