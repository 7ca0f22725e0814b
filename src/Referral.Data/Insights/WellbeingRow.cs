using Referral.Domain.Outcomes;

namespace Referral.Data.Insights;

/// <summary>A referral's baseline (B) and latest follow-up (F) ONS4 answers, as every provider reads them.</summary>
internal sealed record WellbeingRow
{
    public string Cohort { get; init; } = "";
    public string? Format { get; init; }
    public int B1 { get; init; }
    public int B2 { get; init; }
    public int B3 { get; init; }
    public int B4 { get; init; }
    public int F1 { get; init; }
    public int F2 { get; init; }
    public int F3 { get; init; }
    public int F4 { get; init; }

    public WellbeingPair ToPair() => new(Cohort, Format, new Ons4Answers(B1, B2, B3, B4), new Ons4Answers(F1, F2, F3, F4));
}
