using Referral.Domain.Outcomes;

namespace Referral.Data.Insights;

/// <summary>A referral's baseline (B) and latest follow-up (F) ONS4 answers, as every provider reads them.</summary>
internal sealed record WellbeingRow
{
    /// <summary>Each referral of the scope (<paramref name="inScope"/>, over r) with its baseline and latest follow-up.</summary>
    public static string Sql(string inScope) =>
        $"""
        SELECT r.cohort AS Cohort, r.format AS Format,
               b.life_satisfaction AS B1, b.worthwhile AS B2, b.happiness AS B3, b.anxiety AS B4,
               f.life_satisfaction AS F1, f.worthwhile AS F2, f.happiness AS F3, f.anxiety AS F4
          FROM referrals r
          JOIN outcome_measures b ON b.referral_id = r.id AND b.timepoint = 'baseline'
          JOIN outcome_measures f ON f.id = (SELECT id FROM outcome_measures
                                              WHERE referral_id = r.id AND timepoint = 'follow-up'
                                              ORDER BY measured_at DESC, recorded_at DESC LIMIT 1)
         WHERE {inScope}
        """;

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
