using System.ComponentModel;
using Referral.Domain.GpRecord;
using Referral.Domain.Referrals;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.GpRecord;

/// <summary>One referral event a GP record should hold, with the SNOMED CT concept to file it under.</summary>
public sealed record CodedEventView(
    [property: Description("The referral event (its status) the code records.")] [property: Vocabulary(typeof(Vocabularies), nameof(Vocabularies.ReferralStatuses))] string Event,
    [property: Description("When the event happened, as the practice's system recorded it.")] DateTimeOffset OccurredAt,
    [property: Description("The code system: SNOMED CT.")] string System,
    [property: Description("The SNOMED CT concept id.")] string Code,
    [property: Description("The concept's preferred term.")] string Display);

/// <summary>What a practice system files in the patient's GP record for one referral.</summary>
public sealed record ReferralCodesView(
    Guid ReferralId,
    [property: Description("The ODS code of the practice whose record the codes belong in.")] string Practice,
    [property: Description("The coded events, oldest first. Events with no published UK SNOMED CT concept are left out rather than coded with a guess.")] IReadOnlyList<CodedEventView> Codes);

public static class CodedEvents
{
    /// <summary>The referral's events that have a published SNOMED CT concept, oldest first.</summary>
    public static IReadOnlyList<CodedEventView> Of(ReferralRecord referral) =>
        referral.History
            .Select(e => (Event: e, Concept: GpRecordCodes.For(e.Status)))
            .Where(x => x.Concept is not null)
            .Select(x => new CodedEventView(x.Event.Status, x.Event.OccurredAt, SnomedConcept.System, x.Concept!.ConceptId, x.Concept.PreferredTerm))
            .ToList();
}
