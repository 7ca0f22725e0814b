using Referral.Domain.Directory;
using Referral.Domain;
using Referral.Data.Referrals;
using Referral.Domain.Profiles;
using Referral.Domain.Referrals;

namespace Referral.Api.Features.Referrals;

/// <summary>
/// Every rule a referral obeys, in one place, as pure decisions. The repository calls them
/// inside the write transaction with what it has just read, so a rule is never checked against
/// a state that a concurrent write (a retire, an erasure, another move) has since changed.
/// </summary>
public static class ReferralRules
{
    /// <summary>Null when the referral may be made; otherwise why not. Checked in this order, first refusal wins.</summary>
    public static ReferralCreation? Admit(ReferralInput input, Profile profile, ReferralParties parties)
    {
        if (parties.ProfileVersion is null)
        {
            return new ReferralCreation.ProfileGone();
        }

        // The consent, cohort and age band were taken from this version of the profile.
        if (parties.ProfileVersion != profile.Version)
        {
            return new ReferralCreation.ProfileChanged();
        }

        if (input.Route == "direct" && !profile.Details.Consent.ShareWithProvider)
        {
            return new ReferralCreation.ConsentNeeded();
        }

        if (parties.ServiceStatus != ServiceStatuses.Active)
        {
            return new ReferralCreation.ServiceUnavailable(parties.ServiceStatus);
        }

        return input.RecommendationId is not null && parties.RecommendationProfileId != profile.Id
            ? new ReferralCreation.UnknownRecommendation()
            : null;
    }

    public static ReferralAmendment Move(ReferralSnapshot snapshot, StatusChangeInput change, int? expectedVersion)
    {
        var referral = snapshot.Referral;
        if (expectedVersion is { } expected && expected != referral.Version)
        {
            return Refuse(new ReferralChange.VersionMismatch(referral.Version));
        }

        var allowed = ReferralStatuses.AllowedAfter(referral.Status);
        if (!allowed.Contains(change.Status))
        {
            return Refuse(new ReferralChange.NotAllowed(referral.Status, allowed));
        }

        // Compared in whole seconds: practice systems often send times to the second, and an event
        // in the same second as the one before it is not out of order. The first event is stamped
        // by this server's clock, not the practice's: a practice clock running a little behind
        // must not make a real event look older than it, so that comparison tolerates PracticeClock.Tolerance
        // (as the future checks on occurredAt and endorsedAt do the other way). Two times the
        // practice sent come from one clock and are compared strictly.
        var latest = referral.History[^1];
        var serverStamped = latest.OccurredAt == latest.RecordedAt;
        var earliest = serverStamped ? latest.OccurredAt - PracticeClock.Tolerance : latest.OccurredAt;
        return change.OccurredAt.ToUnixTimeSeconds() < earliest.ToUnixTimeSeconds()
            ? Refuse(new ReferralChange.OutOfOrder(latest.OccurredAt))
            : new ReferralAmendment.Move(change);
    }

    public static ReferralAmendment Endorse(ReferralSnapshot snapshot, EndorsementInput endorsement)
    {
        var referral = snapshot.Referral;
        if (referral.ProfileId is null)
        {
            return Refuse(new ReferralChange.ProfileErased());
        }

        if (snapshot.ServiceStatus == "closed")
        {
            return Refuse(new ReferralChange.ServiceClosed());
        }

        if (referral.Endorsement is not null)
        {
            return Refuse(new ReferralChange.EndorsementConflict("This referral already has an endorsement. An endorsement is never edited: withdraw it and make a new referral if the advice has changed."));
        }

        return ReferralStatuses.IsOpen(referral.Status)
            ? new ReferralAmendment.Endorse(endorsement)
            : Refuse(new ReferralChange.EndorsementConflict($"The referral is {referral.Status}: only an open referral can be endorsed."));
    }

    public static ReferralAmendment WithdrawEndorsement(ReferralSnapshot snapshot, string reason) => snapshot.Referral.Endorsement switch
    {
        null => Refuse(new ReferralChange.EndorsementConflict("This referral has no endorsement to withdraw.")),
        { WithdrawnAt: not null } => Refuse(new ReferralChange.EndorsementConflict("The endorsement was already withdrawn.")),
        _ => new ReferralAmendment.WithdrawEndorsement(reason),
    };

    private static ReferralAmendment.Refuse Refuse(ReferralChange outcome) => new(outcome);
}
