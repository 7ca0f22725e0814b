using System.Globalization;
using System.Net;
using System.Text;

namespace Referral.Api.Features.Insights;

/// <summary>
/// Plain SVG bar charts of shares: a bar per series in each group, its 95% interval drawn as a
/// whisker, and a suppressed figure marked "suppressed" where its bar would be. No script, no
/// external references: safe to embed and to commit.
/// </summary>
public static class InsightChart
{
    public const string MediaType = "image/svg+xml";

    private const int Left = 60;
    private const int Top = 50;
    private const int PlotHeight = 300;
    private const int BarWidth = 22;
    private const int GroupGap = 26;

    private static readonly string[] Colours = ["#1f77b4", "#ff7f0e"];

    public sealed record Bar(string Series, ShareView Share);

    public sealed record Group(string Label, IReadOnlyList<Bar> Bars);

    public static string Of(object insight) => insight switch
    {
        EndorsementUptake u => Render(
            "Uptake by cohort, endorsed or not (share of referrals, 95% Wilson intervals)",
            "cohort and stage reached",
            u.Groups.GroupBy(g => g.Cohort).SelectMany(c => EndorsementUptake.Stages.Select(stage => new Group(
                $"{c.Key} {stage}",
                c.OrderByDescending(g => g.Endorsed).Select(g => new Bar(g.Endorsed ? "endorsed" : "not endorsed", Stage(g, stage))).ToList()))).ToList()),
        FormatPersonality f => Render(
            "Uptake (started) and completion by format, extraversion and loneliness (95% Wilson intervals)",
            "format, extraversion band, loneliness",
            f.Rows.Select(r => new Group($"{r.Dimension}: {r.Level}", [new Bar("started", r.Started), new Bar("completed", r.Completed)])).ToList()),
        _ => throw new ArgumentException("No chart for this insight.", nameof(insight)),
    };

    private static ShareView Stage(UptakeGroup g, string stage) => stage switch
    {
        "contacted" => g.Contacted,
        "started" => g.Started,
        _ => g.Completed,
    };

    private static string Render(string title, string xTitle, List<Group> groups)
    {
        var series = groups.SelectMany(g => g.Bars.Select(b => b.Series)).Distinct().ToList();
        var groupWidth = (series.Count * BarWidth) + GroupGap;
        var width = Left + (groups.Count * groupWidth) + 40;
        var height = Top + PlotHeight + 140;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Text(title)}</title><rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">{Text(title)}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var x = Left + (s * 140);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"30\" width=\"10\" height=\"10\" fill=\"{Colours[s % Colours.Length]}\"/><text x=\"{x + 14}\" y=\"39\">{Text(series[s])}</text>");
        }

        // The y axis: share of referrals, 0 to 1, gridlines every 0.2.
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {Top + (PlotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\">share of referrals</text>");
        for (var tick = 0; tick <= 5; tick++)
        {
            var y = Y(tick / 5.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{width - 30}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/><text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{tick / 5.0:0.0}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + PlotHeight}\" stroke=\"black\"/><line x1=\"{Left}\" x2=\"{width - 30}\" y1=\"{Top + PlotHeight}\" y2=\"{Top + PlotHeight}\" stroke=\"black\"/>");
        for (var g = 0; g < groups.Count; g++)
        {
            var x0 = Left + (GroupGap / 2) + (g * groupWidth);
            foreach (var bar in groups[g].Bars)
            {
                var s = series.IndexOf(bar.Series);
                var x = x0 + (s * BarWidth);
                if (bar.Share.Share is { } share && bar.Share.Interval is { } interval)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Y(share):0.#}\" width=\"{BarWidth - 4}\" height=\"{Top + PlotHeight - Y(share):0.#}\" fill=\"{Colours[s % Colours.Length]}\"><title>{Text(bar.Series)}: {share:0.###} ({interval.Lower:0.###} to {interval.Upper:0.###})</title></rect>");
                    var mid = x + ((BarWidth - 4) / 2.0);
                    svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{mid:0.#} {Y(interval.Lower):0.#}V{Y(interval.Upper):0.#}M{mid - 4:0.#} {Y(interval.Lower):0.#}h8M{mid - 4:0.#} {Y(interval.Upper):0.#}h8\" stroke=\"black\" fill=\"none\"/>");
                }
                else
                {
                    var label = bar.Share.Suppressed ? "suppressed" : "no data";
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{(bar.Share.Suppressed ? "suppressed" : "empty")}\" transform=\"translate({x + 14} {Top + PlotHeight - 4}) rotate(-90)\" fill=\"#888\">{label}</text>");
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({x0 + 8} {Top + PlotHeight + 12}) rotate(40)\">{Text(groups[g].Label)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + width - 30) / 2}\" y=\"{height - 8}\" text-anchor=\"middle\">{Text(xTitle)}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static double Y(double share) => Top + PlotHeight - (share * PlotHeight);

    private static string Text(string s) => WebUtility.HtmlEncode(s);
}
