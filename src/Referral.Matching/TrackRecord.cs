namespace Referral.Matching;

/// <summary>
/// What has happened to referrals made to one service through Referral. The default (all zero)
/// is a service with no record yet, which scores neutrally.
/// </summary>
/// <param name="Referrals">Referrals made to the service.</param>
/// <param name="Completed">Of those, referrals the patient completed (they took part and got help).</param>
/// <param name="Endorsed">Of those, referrals in which the referring clinician recorded that they endorse the service.</param>
public readonly record struct TrackRecord(int Referrals, int Completed, int Endorsed)
{
    public static TrackRecord None => default;

    internal void Validate()
    {
        if (Referrals < 0 || Completed < 0 || Endorsed < 0 || Completed > Referrals || Endorsed > Referrals)
        {
            throw new ArgumentException($"A track record needs 0 <= completed, endorsed <= referrals; got {this}.");
        }
    }
}
