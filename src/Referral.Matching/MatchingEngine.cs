using Referral.Domain.Factors;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;
using Referral.Matching.Factors;
using Referral.Matching.Model;
using Referral.Matching.Ranking;

namespace Referral.Matching;

/// <summary>
/// The one place where matching logic lives. Pure: the same patient, directory, limit and date
/// always give the same result; no clock, no randomness, no I/O.
/// </summary>
public static class MatchingEngine
{
    /// <summary>
    /// Changes whenever a rule, weight or constraint changes, so a stored result can be traced to
    /// its model. 2.0.0: relevance first (other-needs), gender eligibility, remote service areas,
    /// neutral unknowns, the choice rule, and reasons worded by score band.
    /// </summary>
    public const string Version = "2.0.0";

    /// <summary>Every rule the engine applies, in words, as served at GET /v1/matching/model.</summary>
    public static MatchingModel Model { get; } = ModelDescription.Build();

    /// <summary>
    /// Removes the services the patient cannot use, scores the rest on the twelve decision
    /// factors and returns the best <paramref name="limit"/>, explained.
    /// </summary>
    /// <param name="asOf">The match date: ages and "reviewed in the last 12 months" are counted from it.</param>
    /// <param name="trackRecords">The asking practice's own view of the services it has referred
    /// to (other practices' records only), built for this <paramref name="directory"/>; null when
    /// the directory's records stand for every service.</param>
    public static MatchResult Rank(Patient patient, CandidateDirectory directory, int limit, DateOnly asOf, TrackRecordOverrides? trackRecords = null) =>
        Rank(patient, directory, limit, asOf, trackRecords, prune: true);

    /// <param name="prune">False scores every eligible service: the reference that pruning must
    /// match byte for byte (tests only).</param>
    internal static MatchResult Rank(Patient patient, CandidateDirectory directory, int limit, DateOnly asOf, TrackRecordOverrides? trackRecords, bool prune)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (trackRecords is not null && trackRecords.Directory != directory)
        {
            throw new ArgumentException("The track records were built for another directory: they work by position in it.", nameof(trackRecords));
        }

        var compiled = PatientTraits.Compile(patient, asOf);
        var screens = directory.Screens;
        var traits = directory.Traits;
        var top = new TopK(Math.Min(limit, traits.Length), directory);
        var choice = ChoiceRule.AppliesTo(compiled) ? new ChoiceRule(directory) : null;
        Span<int> excluded = stackalloc int[HardConstraints.All.Count];
        var scores = default(FactorScores);
        using var tables = new RequestTables(compiled, directory);

        // The overrides are sorted by position, so only the next one can apply: one comparison
        // per candidate, and a copy of the compiled service only for the few overridden.
        ReadOnlySpan<int> positions = trackRecords is null ? [] : trackRecords.Indices;
        ReadOnlySpan<DisclosedRecord> records = trackRecords is null ? [] : trackRecords.Records;
        var cursor = 0;
        var next = positions.IsEmpty ? -1 : positions[0];
        var replaced = default(CandidateTraits);

        for (var i = 0; i < screens.Length; i++)
        {
            if (HardConstraints.Check(compiled, screens[i], tables, traits, i, out var offer) is { } reason)
            {
                excluded[(int)reason]++;
                if (i == next)
                {
                    next = ++cursor < positions.Length ? positions[cursor] : -1;
                }

                continue;
            }

            // A service that cannot beat the weakest total it would have to displace is passed
            // over before its traits are read. An overridden track record is not in the screen's
            // ceilings, so such a service is always scored.
            var isReplaced = i == next;
            if (prune && !isReplaced)
            {
                var bound = UpperBound.Of(compiled, screens[i], offer, tables, ref scores);
                if (bound < Math.Min(top.Threshold, choice?.EntryFor(offer.Formats) ?? double.PositiveInfinity))
                {
                    continue;
                }
            }

            if (isReplaced)
            {
                replaced = traits[i] with { Record = records[cursor] };
                next = ++cursor < positions.Length ? positions[cursor] : -1;
            }

            ref readonly var service = ref isReplaced ? ref replaced : ref traits[i];
            FactorCatalogue.Score(compiled, service, offer, ref scores);
            var total = FactorCatalogue.Total(compiled, ref scores);
            top.Add(total, i, offer);
            choice?.Consider(total, i, offer);
        }

        var ranked = top.BestFirst();
        var moves = choice?.Apply(ranked, limit) ?? [];

        return new MatchResult(
            Version,
            compiled.Weights.Cohort.Code(),
            compiled.Weights,
            Endorsement.For(compiled.Weights),
            ranked.Select((r, i) => Explain(compiled, trackRecords?.Apply(r.Index, directory[r.Index]) ?? directory[r.Index], i + 1, r)).ToArray(),
            Exclusions(excluded),
            traits.Length,
            moves);
    }

    // Only the returned items are explained, so the strings cost nothing per directory entry.
    // Ranking already found what the service offers and its total; only the per-factor scores
    // are worked out again, for their words.
    private static Match Explain(PatientTraits patient, Candidate candidate, int rank, Ranked ranked)
    {
        var traits = candidate.Traits;
        var offer = ranked.Offer;
        var distance = patient.DistanceKmTo(traits);
        var scores = default(FactorScores);
        FactorCatalogue.Score(patient, traits, offer, ref scores);
        var total = Math.Clamp(ranked.Total, 0, 1);

        var factors = patient.Weights.Factors
            .Select(weight =>
            {
                var index = DecisionFactors.IndexOf(weight.Factor);
                var score = scores[index];
                return new FactorScore(weight.Factor, weight.Weight, score, weight.Weight * score, FactorCatalogue.Rules[index].Explain(patient, candidate, offer, score));
            })
            .ToArray();

        return new Match(
            rank,
            candidate.ServiceId,
            candidate.Name,
            FormatTable.Codes(offer.Formats),
            double.IsNaN(distance) ? null : Math.Round(distance, 1),
            total,
            (int)Math.Round(total * 100, MidpointRounding.AwayFromZero),
            factors);
    }

    private static Dictionary<string, int> Exclusions(ReadOnlySpan<int> excluded)
    {
        var counts = new Dictionary<string, int>(excluded.Length, StringComparer.Ordinal);
        foreach (var (reason, code, _) in HardConstraints.All)
        {
            counts[code] = excluded[(int)reason];
        }

        return counts;
    }
}
