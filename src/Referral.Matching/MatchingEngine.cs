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
    /// factors and returns the best <paramref name="limit"/>, explained. Services that cannot
    /// reach the list are passed over before they are scored (see Ranking/UpperBound.cs and
    /// Ranking/VectorScreen.cs); the result is byte for byte what scoring them all would give.
    /// </summary>
    /// <param name="asOf">The match date: ages and "reviewed in the last 12 months" are counted from it.</param>
    /// <param name="trackRecords">The asking practice's own view of the services it has referred
    /// to (other practices' records only), built for this <paramref name="directory"/>; null when
    /// the directory's records stand for every service.</param>
    public static MatchResult Rank(Patient patient, CandidateDirectory directory, int limit, DateOnly asOf, TrackRecordOverrides? trackRecords = null) =>
        Rank(patient, directory, limit, asOf, trackRecords, VectorScreen.IsSupported ? Screening.Vector : Screening.Scalar);

    /// <param name="screening">How services are screened; the reference (no pruning) is what the
    /// others must match byte for byte (tests only).</param>
    internal static MatchResult Rank(Patient patient, CandidateDirectory directory, int limit, DateOnly asOf, TrackRecordOverrides? trackRecords, Screening screening)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (trackRecords is not null && trackRecords.Directory != directory)
        {
            throw new ArgumentException("The track records were built for another directory: they work by position in it.", nameof(trackRecords));
        }

        var compiled = PatientTraits.Compile(patient, asOf);
        using var ranker = new Ranker(compiled, directory, limit, trackRecords);
        if (screening == Screening.Vector && VectorScreen.IsSupported && directory.Columns is { } columns)
        {
            VectorScreen.Run(ranker, columns);
        }
        else
        {
            for (var i = 0; i < directory.Count; i++)
            {
                ranker.Visit(i, prune: screening != Screening.Reference);
            }
        }

        var ranked = ranker.Top.BestFirst();
        var moves = ranker.Choice?.Apply(ranked, limit) ?? [];

        return new MatchResult(
            Version,
            compiled.Weights.Cohort.Code(),
            compiled.Weights,
            Endorsement.For(compiled.Weights),
            ranked.Select((r, i) => Explain(compiled, trackRecords?.Apply(r.Index, directory[r.Index]) ?? directory[r.Index], i + 1, r)).ToArray(),
            Exclusions(ranker.Excluded),
            directory.Count,
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
