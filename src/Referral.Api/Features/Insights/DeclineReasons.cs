using Referral.Api.OpenApi;
using Referral.Data.Insights;
using Referral.Domain.Insights;
using Referral.Domain.Referrals;

namespace Referral.Api.Features.Insights;

/// <summary>Why people decline: declined referrals by the service's main format and the decline reason code.</summary>
[SchemaName("DeclineReasons")]
public sealed record DeclineReasons(ScopeView Scope, IReadOnlyList<DeclineRow> Rows)
{
    public static DeclineReasons Of(ScopeView scope, IReadOnlyList<DeclineCell> cells) =>
        new(scope, cells
            .GroupBy(c => c.Format ?? FormatPersonality.NotRecorded)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => ReferralStatuses.DeclineReasons.Select(reason =>
            {
                var count = g.Where(c => c.Reason == reason).Sum(c => c.Count);
                var total = g.Sum(c => c.Count);
                return new DeclineRow(g.Key, reason, Disclosure.Publish(count), Disclosure.IsSuppressed(count), ShareView.Of(count, total));
            }))
            .ToList());
}

[SchemaName("DeclineRow")]
public sealed record DeclineRow(string Format, string Reason, int? Declined, bool Suppressed, ShareView ShareOfFormatDeclines);
