using System.Security.Claims;
using Referral.Api.OpenApi;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data.Insights;
using Referral.Domain.Insights;

namespace Referral.Api.Features.Insights;

/// <summary>
/// What works, for whom, without anyone's personal data: an analyst key reads all practices
/// pooled, a practice key its own referrals only. Every figure passes <see cref="Disclosure"/>.
/// Each view is one resource, as JSON, CSV or (two of them) an SVG chart, chosen by Accept.
/// </summary>
public static class InsightsApi
{
    public const string Root = "/v1/insights";

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Root)
            .WithTags("Insights")
            .WithValidation()
            .RequireAuthorization(Policies.Insights);

        Map(group, "endorsement-uptake", "GetEndorsementUptake", "Endorsement and uptake by cohort", typeof(EndorsementUptake), chart: true,
            "For each cohort (never-used, has-used, unknown) and endorsed or not: referrals made in the period and the share that reached contacted, started and completed, each with a 95% Wilson interval; the endorsed-minus-not difference per cohort (Newcombe's hybrid score interval); and never-used's difference minus has-used's (MOVER interval): does endorsement matter more for first-timers?",
            async (repository, scope, ct) => EndorsementUptake.Of(await ScopeView(repository, scope, ct), await repository.UptakeAsync(scope, ct)));
        Map(group, "format-personality", "GetFormatPersonality", "Uptake and completion by format, extraversion and loneliness", typeof(FormatPersonality), chart: true,
            "Share of referrals that started and completed, with 95% Wilson intervals, by the service's main format, by the patient's TIPI extraversion band (reserved, middle, outgoing) and by UCLA-3 loneliness.",
            async (repository, scope, ct) => FormatPersonality.Of(await ScopeView(repository, scope, ct), await repository.UptakeAsync(scope, ct)));
        Map(group, "valued-factors", "GetValuedFactors", "What people value, beside the survey's ranks", typeof(ValuedFactors), chart: false,
            "For patients who ranked the decision factors themselves (profiles recorded in the period), the mean rank of each factor by cohort, beside the Q Improvement Lab survey's ranks where it published them.",
            async (repository, scope, ct) => ValuedFactors.Of(await ScopeView(repository, scope, ct), await repository.RankingsAsync(scope, ct)));
        Map(group, "decline-reasons", "GetDeclineReasons", "Why people decline, by format", typeof(DeclineReasons), chart: false,
            "Declined referrals by the service's main format and decline reason code, with each reason's share of the format's declines.",
            async (repository, scope, ct) => DeclineReasons.Of(await ScopeView(repository, scope, ct), await repository.DeclinesAsync(scope, ct)));
        Map(group, "wellbeing-change", "GetWellbeingChange", "ONS4 wellbeing change by format and cohort", typeof(WellbeingChange), chart: false,
            "For referrals with an ONS4 baseline and a follow-up, the mean change of each item (latest follow-up minus baseline) with a 95% t interval, by the service's main format and by cohort.",
            async (repository, scope, ct) => WellbeingChange.Of(await ScopeView(repository, scope, ct), await repository.WellbeingAsync(scope, ct)));
        return app;
    }

    private static void Map(
        RouteGroupBuilder group, string path, string name, string summary, Type view, bool chart, string description,
        Func<IInsightsRepository, InsightScope, CancellationToken, Task<object>> build)
    {
        var formats = InsightFormats.For(chart);
        group.MapGet($"/{path}", async ([AsParameters] InsightPeriodRequest period, ClaimsPrincipal user, IInsightsRepository repository, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.Vary = "Accept";
                var format = InsightFormats.Choose(http.Request, formats);
                if (format is null)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status406NotAcceptable,
                        title: "Not acceptable",
                        detail: $"This insight is served as {string.Join(", ", formats)}: send one of them in Accept.");
                }

                var insight = await build(repository, Scope(period, user, clock), ct);
                return format switch
                {
                    InsightCsv.MediaType => TypedResults.Text(InsightCsv.Of(insight), InsightCsv.MediaType + "; charset=utf-8"),
                    InsightChart.MediaType => TypedResults.Text(InsightChart.Of(insight), InsightChart.MediaType),
                    _ => Results.Json(insight, contentType: "application/json"),
                };
            })
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + " An analyst key reads every practice pooled (practices appear only as a count); a practice key reads its own practice's referrals only. Counts of 1 to 7 are suppressed, other counts rounded to the nearest 5, and a share or difference is suppressed when any count behind it is.")
            .Produces(StatusCodes.Status200OK, view, "application/json")
            .ProducesProblemJson(StatusCodes.Status406NotAcceptable);
    }

    private static InsightScope Scope(InsightPeriodRequest period, ClaimsPrincipal user, TimeProvider clock)
    {
        var (from, to) = period.Resolve(clock);
        var odsCode = user.IsInRole(Roles.Analyst) ? null : user.OdsCode();
        return new InsightScope(
            new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            odsCode);
    }

    private static async Task<ScopeView> ScopeView(IInsightsRepository repository, InsightScope scope, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(scope.From.UtcDateTime);
        var to = DateOnly.FromDateTime(scope.Until.UtcDateTime).AddDays(-1);
        const string rules = "Counts of 1 to 7 suppressed; other counts rounded to the nearest 5; shares and differences suppressed with any count behind them.";
        return scope.OdsCode is { } ods
            ? new ScopeView(from, to, "practice", ods, null, rules)
            : new ScopeView(from, to, "all-practices", null, Disclosure.Publish(await repository.PracticesAsync(scope, ct)), rules);
    }
}

/// <summary>The forms an insight is served in, chosen by Accept.</summary>
public static class InsightFormats
{
    public const string Json = "application/json";

    public static IReadOnlyList<string> For(bool chart) => chart ? [Json, InsightCsv.MediaType, InsightChart.MediaType] : [Json, InsightCsv.MediaType];

    /// <summary>JSON when Accept is absent or takes anything; null when it takes none of ours (406).</summary>
    public static string? Choose(HttpRequest request, IReadOnlyList<string> formats) => Http.AcceptedFormat.Choose(request, formats);
}
