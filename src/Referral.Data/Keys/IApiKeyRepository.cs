namespace Referral.Data.Keys;

public interface IApiKeyRepository
{
    Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The key with this hash, unless it has been revoked.</summary>
    Task<ApiKeyRecord?> FindActiveAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>True when an active key was revoked by this call.</summary>
    Task<bool> RevokeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);
}
