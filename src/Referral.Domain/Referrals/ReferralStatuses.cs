namespace Referral.Domain.Referrals;

/// <summary>
/// The closed loop of a referral. Forward steps go one at a time (proposed, offered, contacted,
/// started, completed); any open referral can end early, and only a started one can be dropped out
/// of. The ends draw on HL7 Gravity's referral Task and findhelp's outcomes.
/// </summary>
public static class ReferralStatuses
{
    public const string Proposed = "proposed";
    public const string Offered = "offered";
    public const string Contacted = "contacted";
    public const string Started = "started";
    public const string Completed = "completed";
    public const string Declined = "declined";
    public const string NotContactable = "not-contactable";
    public const string NoCapacity = "no-capacity";
    public const string DroppedOut = "dropped-out";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [.. Vocabulary.Vocabularies.ReferralStatuses.Codes];

    private static readonly string[] Forward = [Proposed, Offered, Contacted, Started, Completed];

    private static readonly string[] EarlyEnds = [Declined, NotContactable, NoCapacity, Withdrawn];

    public static readonly IReadOnlyList<string> DeclineReasons = [.. Vocabulary.Vocabularies.DeclineReasons.Codes];

    /// <summary>Statuses of a referral still in progress; every other status closes it.</summary>
    public static readonly IReadOnlyList<string> Open = [Proposed, Offered, Contacted, Started];

    public static bool IsOpen(string status) => Open.Contains(status);

    /// <summary>The statuses a referral may move to from this one; none once it is closed.</summary>
    public static IReadOnlyList<string> AllowedAfter(string status)
    {
        if (!IsOpen(status))
        {
            return [];
        }

        var next = Forward[Array.IndexOf(Forward, status) + 1];
        return status == Started ? [next, .. EarlyEnds, DroppedOut] : [next, .. EarlyEnds];
    }
}
