using System.Data.Common;
using Dapper;
using Referral.Domain.Outcomes;

namespace Referral.Data.Demo;

/// <summary>The synthetic cohort's rows, in statements both providers run as they are, inside the caller's transaction.</summary>
internal static class SyntheticCohortRows
{
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SyntheticReferral> referrals, CancellationToken cancellationToken)
    {
        foreach (var r in referrals)
        {
            var created = r.Events[0].At;
            var last = r.Events[^1];
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO referrals (id, ods_code, profile_id, service_id, route, source, status, version, cohort, age_band, created_at, updated_at,
                                       format, extraversion_band, lonely)
                VALUES (@Id, @OdsCode, @ProfileId, @ServiceId, 'signpost', 'gp', @Status, @Version, @Cohort, @AgeBand, @created, @updated,
                        @Format, @ExtraversionBand, @Lonely)
                """,
                new { r.Id, r.OdsCode, r.ProfileId, r.ServiceId, last.Status, Version = r.Events.Count, r.Cohort, r.AgeBand, created, updated = last.At, r.Format, r.ExtraversionBand, r.Lonely },
                transaction, cancellationToken: cancellationToken));
            for (var i = 0; i < r.Events.Count; i++)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO referral_events (referral_id, seq, status, reason, occurred_at, recorded_at) VALUES (@Id, @seq, @Status, @Reason, @At, @At)",
                    new { r.Id, seq = i + 1, r.Events[i].Status, r.Events[i].Reason, r.Events[i].At }, transaction, cancellationToken: cancellationToken));
            }

            if (r.Endorsed)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO endorsements (referral_id, clinician_name, clinician_role, endorsed_at, recorded_at) VALUES (@Id, 'Dr Demo Clinician', 'gp', @created, @created)",
                    new { r.Id, created }, transaction, cancellationToken: cancellationToken));
            }

            if (r.Baseline is { } b)
            {
                await Outcome(connection, transaction, r, OutcomeTimepoints.Baseline, b, null, created, 0, cancellationToken);
            }

            if (r.FollowUp is { } f)
            {
                var started = r.Events.First(e => e.Status == "started").At;
                await Outcome(connection, transaction, r, OutcomeTimepoints.FollowUp, f.Answers, f.Ucla3, f.At, (int)(f.At - started).TotalDays, cancellationToken);
            }
        }
    }

    private static Task<int> Outcome(
        DbConnection connection, DbTransaction transaction, SyntheticReferral r, string timepoint, Ons4Answers a, IReadOnlyList<int>? ucla3, DateTimeOffset at, int days, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outcome_measures (id, referral_id, ods_code, timepoint, life_satisfaction, worthwhile, happiness, anxiety, ucla3_1, ucla3_2, ucla3_3,
                                          interval_days, recorded_by, measured_at, key_id, recorded_at)
            VALUES (@outcomeId, @Id, @OdsCode, @timepoint, @LifeSatisfaction, @Worthwhile, @Happiness, @Anxiety, @u1, @u2, @u3, @days, 'demo-simulation', @at, NULL, @at)
            """,
            new { outcomeId = Guid.NewGuid(), r.Id, r.OdsCode, timepoint, a.LifeSatisfaction, a.Worthwhile, a.Happiness, a.Anxiety, u1 = ucla3?[0], u2 = ucla3?[1], u3 = ucla3?[2], days, at },
            transaction, cancellationToken: cancellationToken));
}
