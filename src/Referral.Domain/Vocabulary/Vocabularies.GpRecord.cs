using Referral.Domain.GpRecord;

namespace Referral.Domain.Vocabulary;

/// <summary>The codes of what goes back to the GP record.</summary>
public static partial class Vocabularies
{
    /// <summary>What of a referral may go back to the GP record: the referral's <c>recordSharing</c>.</summary>
    public static readonly TermSet RecordSharing = new("recordSharing",
    [
        new(GpRecord.RecordSharing.FullSummary, "The full closure summary, with names, the endorsement's note and free-text reasons"),
        new(GpRecord.RecordSharing.CodesOnly, "Codes, dates and identifiers only: no free text, names or notes (the default)"),
    ]);
}
