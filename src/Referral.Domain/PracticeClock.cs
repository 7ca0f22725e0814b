namespace Referral.Domain;

/// <summary>
/// A GP system's clock is not this server's. Times a practice sends may run this far ahead of
/// the server's clock (not "in the future"), or this far behind the server-stamped first event of
/// a referral (not "out of order"); times from one clock are compared strictly.
/// </summary>
public static class PracticeClock
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
