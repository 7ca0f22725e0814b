using Referral.Data;
using Referral.Data.Directory;
using Referral.Data.Outcomes;
using Referral.Data.Profiles;
using Referral.Data.Referrals;
using Referral.Domain.Directory;
using Referral.Domain.Referrals;

namespace Referral.Api.Features.GpRecord;

/// <summary>
/// Reads a practice's referrals as they may go back to the GP record, with the patient's
/// identifiers and the service they were referred to; always for one practice.
/// </summary>
public sealed class SharedReferrals(IReferralRepository referrals, IProfileRepository profiles, IServiceRepository services, IOutcomeRepository outcomes)
{
    public async Task<SharedReferral?> GetAsync(string odsCode, Guid id, CancellationToken cancellationToken)
    {
        var referral = await referrals.GetAsync(odsCode, id, cancellationToken);
        return referral is null ? null : await ShareAsync(referral, [], cancellationToken);
    }

    public async Task<Page<SharedReferral>> ListAsync(string odsCode, ReferralQuery query, CancellationToken cancellationToken)
    {
        var page = await referrals.ListAsync(odsCode, query, cancellationToken);
        var known = new Dictionary<Guid, Service?>();
        var items = new List<SharedReferral>(page.Items.Count);
        foreach (var referral in page.Items)
        {
            items.Add(await ShareAsync(referral, known, cancellationToken));
        }

        return new Page<SharedReferral>(items, page.PageNumber, page.PageSize, page.Total);
    }

    private async Task<SharedReferral> ShareAsync(ReferralRecord referral, Dictionary<Guid, Service?> known, CancellationToken cancellationToken)
    {
        var profile = referral.ProfileId is { } profileId ? await profiles.GetAsync(referral.OdsCode, profileId, cancellationToken) : null;
        if (!known.TryGetValue(referral.ServiceId, out var service))
        {
            service = await services.GetAsync(referral.ServiceId, cancellationToken);
            known[referral.ServiceId] = service;
        }

        var measures = await outcomes.ListAsync(referral.OdsCode, referral.Id, cancellationToken) ?? [];
        return SharedReferral.From(referral, profile, service, measures);
    }
}
