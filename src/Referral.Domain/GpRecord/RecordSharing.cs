namespace Referral.Domain.GpRecord;

/// <summary>
/// What of a referral may go back to the patient's GP record: chosen with the patient when the
/// referral is made, and changeable by the practice at any time. Products in use offer the same
/// per-case choice (the Social Prescribing Information Standard's "message back to GP").
/// </summary>
public static class RecordSharing
{
    /// <summary>The whole closure summary: names, the endorsement's note, free-text reasons.</summary>
    public const string FullSummary = "full-summary";

    /// <summary>Codes, dates, statuses and identifiers only: no free text, no names, no notes.</summary>
    public const string CodesOnly = "codes-only";

    /// <summary>
    /// When nothing was chosen, the narrower choice: sharing more than the patient agreed to
    /// cannot be undone, sharing less can be corrected by the practice.
    /// </summary>
    public const string Default = CodesOnly;

    public static bool SharesFullSummary(string recordSharing) => recordSharing == FullSummary;
}
