namespace Referral.Data.Recommendations;

public interface IRecommendationRepository
{
    Task AddAsync(RecommendationSetRecord set, CancellationToken cancellationToken);

    /// <summary>The practice's set with this id, or null (another practice's set is null too).</summary>
    Task<RecommendationSetRecord?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken);
}
