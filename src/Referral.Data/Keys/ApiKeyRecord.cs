namespace Referral.Data.Keys;

/// <summary>An API key as stored: never the key itself, only its hash.</summary>
public sealed record ApiKeyRecord(
    Guid Id,
    string KeyHash,
    string Prefix,
    string Role,
    string? OdsCode,
    string? Label,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);
