using Referral.Api.Security;
using Referral.Data.Idempotency;
using Referral.Data.Profiles;
using Referral.Data.Referrals;
using Referral.Domain.Factors;
using Referral.Domain.Personality;
using Referral.Domain.Referrals;

namespace Referral.Api.Features.Referrals;

/// <summary>
/// Making and changing referrals: every route to a referral write goes through here, and every
/// write is judged by <see cref="ReferralRules"/> inside the transaction that stores it.
/// </summary>
public sealed class ReferralWorkflow(IReferralRepository referrals, IProfileRepository profiles, TimeProvider clock)
{
    // A profile replaced between our read and our write is read again; more than this many in a
    // row is a client racing itself, and it is told to try again.
    private const int Attempts = 3;

    public async Task<ReferralCreation> CreateAsync(
        PracticeKey practice, ReferralInput input, IdempotentWrite<ReferralRecord>? idempotency, CancellationToken cancellationToken)
    {
        ReferralCreation outcome = new ReferralCreation.ProfileChanged();
        for (var attempt = 0; attempt < Attempts && outcome is ReferralCreation.ProfileChanged; attempt++)
        {
            var profile = await profiles.GetAsync(practice.OdsCode, input.ProfileId, cancellationToken);
            if (profile is null)
            {
                return new ReferralCreation.ProfileGone();
            }

            var now = clock.GetUtcNow();
            var referral = new NewReferral(
                Guid.NewGuid(), practice.OdsCode, profile.Id, input.ServiceId, input.RecommendationId, input.Route, input.Source,
                Cohorts.From(profile.Details.HasUsedPeerSupport).Code(), AgeBands.For(profile.Details.BirthYear, now.Year), input.Endorsement, now)
            {
                RecordSharing = input.RecordSharing,
                ExtraversionBand = profile.Details.Personality?.Tipi is { Count: Tipi.Items } tipi ? ExtraversionBands.Of(Tipi.Score(tipi).Extraversion) : null,
                Lonely = profile.Details.Personality?.Ucla3 is { Count: Ucla3.Items } ucla3 ? Ucla3.Score(ucla3).Lonely : null,
            };
            outcome = await referrals.CreateAsync(
                referral, parties => ReferralRules.Admit(input, profile, parties), idempotency, practice.KeyId, cancellationToken);
        }

        return outcome;
    }

    public Task<ReferralChange> MoveAsync(PracticeKey practice, Guid id, StatusChangeInput change, int? expectedVersion, CancellationToken cancellationToken) =>
        referrals.UpdateAsync(practice.OdsCode, id, snapshot => ReferralRules.Move(snapshot, change, expectedVersion), practice.KeyId, clock.GetUtcNow(), cancellationToken);

    public Task<ReferralChange> EndorseAsync(PracticeKey practice, Guid id, EndorsementInput endorsement, CancellationToken cancellationToken) =>
        referrals.UpdateAsync(practice.OdsCode, id, snapshot => ReferralRules.Endorse(snapshot, endorsement), practice.KeyId, clock.GetUtcNow(), cancellationToken);

    public Task<ReferralChange> ShareWithRecordAsync(PracticeKey practice, Guid id, string recordSharing, CancellationToken cancellationToken) =>
        referrals.UpdateAsync(practice.OdsCode, id, _ => new ReferralAmendment.ShareWithRecord(recordSharing), practice.KeyId, clock.GetUtcNow(), cancellationToken);

    public Task<ReferralChange> WithdrawEndorsementAsync(PracticeKey practice, Guid id, string reason, CancellationToken cancellationToken) =>
        referrals.UpdateAsync(practice.OdsCode, id, snapshot => ReferralRules.WithdrawEndorsement(snapshot, reason), practice.KeyId, clock.GetUtcNow(), cancellationToken);
}
