using Referral.Data.Keys;
using Referral.Domain.Identifiers;

namespace Referral.Api.Security;

/// <summary>Records new API keys. The caller shows the key once; only its hash is stored.</summary>
public sealed class ApiKeyIssuer(IApiKeyRepository keys, TimeProvider clock)
{
    public async Task<(ApiKeyRecord Record, string Key)> IssueAsync(string role, string? odsCode, string? label, CancellationToken cancellationToken)
    {
        var key = ApiKeys.NewKey();
        return (await AddAsync(key, role, odsCode, label, cancellationToken), key);
    }

    /// <summary>Stores a key chosen by the caller: only the well-known demo keys of Development.</summary>
    public async Task<ApiKeyRecord> AddAsync(string key, string role, string? odsCode, string? label, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Role must be one of: {string.Join(", ", Roles.All)}.", nameof(role));
        }

        var ods = OdsCode.Normalise(odsCode);
        if ((role == Roles.Practice) != (ods is not null))
        {
            throw new ArgumentException(role == Roles.Practice
                ? "A practice key needs the practice's ODS code (a letter and five digits, e.g. A81001)."
                : "Only practice keys are bound to an ODS code.", nameof(odsCode));
        }

        var record = new ApiKeyRecord(Guid.NewGuid(), ApiKeys.Hash(key), ApiKeys.DisplayPrefix(key), role, ods, label, clock.GetUtcNow(), null);
        await keys.AddAsync(record, cancellationToken);
        return record;
    }
}
