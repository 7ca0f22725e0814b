namespace Referral.Matching;

/// <summary>
/// What happened to closed referrals made to one service through Referral, counted over some
/// set of practices: for the engine, the practices other than the one asking. The engine shows
/// it only as TrackRecordDisclosure allows (a floor, then bands); the default (all zero) is a
/// service with no record yet, which scores neutrally.
/// </summary>
/// <param name="Referrals">Closed referrals made to the service.</param>
/// <param name="Completed">Of those, referrals the patient completed (they took part and got help).</param>
/// <param name="Endorsed">Of those, referrals in which the referring clinician recorded that they endorse the service.</param>
/// <param name="Practices">How many distinct practices made those referrals.</param>
public readonly record struct TrackRecord(int Referrals, int Completed, int Endorsed, int Practices)
{
    public static TrackRecord None => default;

    /// <summary>
    /// This record (pooled over practices) less one practice's own contribution to it: what the
    /// other practices did, which is all that practice may be shown.
    /// </summary>
    public TrackRecord Without(TrackRecord practice)
    {
        var others = new TrackRecord(
            Referrals - practice.Referrals, Completed - practice.Completed, Endorsed - practice.Endorsed, Practices - practice.Practices);
        others.Validate();
        return others;
    }

    internal void Validate()
    {
        if (Referrals < 0 || Completed < 0 || Endorsed < 0 || Completed > Referrals || Endorsed > Referrals
            || Practices < 0 || Practices > Referrals || (Referrals > 0 && Practices == 0))
        {
            throw new ArgumentException(
                $"A track record needs 0 <= completed, endorsed <= referrals and 1 <= practices <= referrals (none without referrals); got {this}.");
        }
    }
}
