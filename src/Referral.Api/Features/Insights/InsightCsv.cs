using System.Globalization;
using System.Text;

namespace Referral.Api.Features.Insights;

/// <summary>
/// Each insight as one flat table for spreadsheets (RFC 4180): one header row, then a row per
/// figure; a suppressed figure is an empty cell with suppressed = true. Every cell is a code or a
/// number the API made, so none can start a spreadsheet formula.
/// </summary>
public static class InsightCsv
{
    public const string MediaType = "text/csv";

    private static readonly string[] ShareColumns = ["count", "share", "lower", "upper", "suppressed"];

    public static string Of(object insight) => insight switch
    {
        EndorsementUptake u => Write(
            ["table", "cohort", "endorsed", "stage", "referred", .. ShareColumns],
            u.Groups.SelectMany(g => new[] { ("contacted", g.Contacted), ("started", g.Started), ("completed", g.Completed) }
                    .Select(s => Cells("share", g.Cohort, Bool(g.Endorsed), s.Item1, Num(g.Referred), Share(s.Item2))))
                .Concat(u.Effects.Select(e => Cells("endorsed-minus-not", e.Cohort, "", e.Stage, "", Difference(e.Effect))))
                .Concat(u.DifferenceOfDifferences.Select(d => Cells("never-used-minus-has-used", "", "", d.Stage, "", Difference(d.Effect))))),
        FormatPersonality f => Write(
            ["dimension", "level", "stage", "referred", .. ShareColumns],
            f.Rows.SelectMany(r => new[] { ("started", r.Started), ("completed", r.Completed) }
                .Select(s => Cells(r.Dimension, r.Level, s.Item1, Num(r.Referred), Share(s.Item2))))),
        ValuedFactors v => Write(
            ["factor", "source", "surveyRankNeverUsed", "surveyRankHasUsed", "cohort", "patients", "meanRank", "suppressed"],
            v.Factors.SelectMany(f => f.Cohorts.Select(c => Cells(f.Factor, f.Source, f.SurveyRankNeverUsed ?? "", f.SurveyRankHasUsed ?? "", c.Cohort, Num(c.Patients), Num(c.MeanRank), Bool(c.Suppressed))))),
        DeclineReasons d => Write(
            ["format", "reason", "declined", "suppressed", "share", "lower", "upper"],
            d.Rows.Select(r => Cells(r.Format, r.Reason, Num(r.Declined), Bool(r.Suppressed), Num(r.ShareOfFormatDeclines.Share), Num(r.ShareOfFormatDeclines.Interval?.Lower), Num(r.ShareOfFormatDeclines.Interval?.Upper)))),
        WellbeingChange w => Write(
            ["dimension", "level", "item", "pairs", "meanChange", "lower", "upper", "suppressed"],
            w.Rows.Select(r => Cells(r.Dimension, r.Level, r.Item, Num(r.Pairs), Num(r.MeanChange), Num(r.Interval?.Lower), Num(r.Interval?.Upper), Bool(r.Suppressed)))),
        _ => throw new ArgumentException("Not an insight.", nameof(insight)),
    };

    private static string[] Cells(params object[] cells) => cells.SelectMany(c => c as string[] ?? [(string)c]).ToArray();

    private static string[] Share(ShareView s) => [Num(s.Count), Num(s.Share), Num(s.Interval?.Lower), Num(s.Interval?.Upper), Bool(s.Suppressed)];

    // Difference rows share the share columns: count is empty, share holds the difference.
    private static string[] Difference(DifferenceView d) => ["", Num(d.Difference), Num(d.Interval?.Lower), Num(d.Interval?.Upper), Bool(d.Suppressed)];

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Num(double? n) => n?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string Bool(bool b) => b ? "true" : "false";

    private static string Write(string[] header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', header)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row)).Append("\r\n");
        }

        return csv.ToString();
    }
}
