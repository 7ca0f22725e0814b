using System.Numerics;
using Referral.Domain.Factors;
using Referral.Domain.Vocabulary;
using Referral.Matching.Factors;

namespace Referral.Matching.Compiled;

/// <summary>
/// One patient compiled once per request into the numbers and bit sets the constraints and
/// scores compare against each candidate.
/// </summary>
internal sealed class PatientTraits
{
    private static readonly int English = Vocabularies.Languages.IndexOf("en");

    private PatientTraits(Patient patient) => Patient = patient;

    public Patient Patient { get; }

    public required int Age { get; init; }

    public required bool HasLocation { get; init; }

    public required UnitVector Location { get; init; }

    public required double MaxTravelKm { get; init; }

    /// <summary>The haversine of <see cref="MaxTravelKm"/> (see <see cref="UnitVector"/>).</summary>
    public required double MaxTravelHaversine { get; init; }

    /// <summary>Recorded as a man: women-only services are closed to him.</summary>
    public required bool IsMan { get; init; }

    /// <summary>Recorded as a woman: men-only services are closed to her.</summary>
    public required bool IsWoman { get; init; }

    public required ulong Conditions { get; init; }

    public required ulong Communities { get; init; }

    public required ulong AccessNeeds { get; init; }

    public required ulong Availability { get; init; }

    public int ConditionCount => BitOperations.PopCount(Conditions);

    public int CommunityCount => BitOperations.PopCount(Communities);

    public int AccessNeedCount => BitOperations.PopCount(AccessNeeds);

    public int AvailabilityCount => BitOperations.PopCount(Availability);

    public required int PreferredFormats { get; init; }

    public required int AvoidFormats { get; init; }

    /// <summary>Every language the patient can take part in: theirs, plus English unless they need an interpreter.</summary>
    public required LanguageMask Spoken { get; init; }

    public required int FirstLanguage { get; init; }

    /// <summary>The preferred language alone, as a set, so "offered in it" is one AND.</summary>
    public LanguageMask FirstLanguageOnly { get; private init; }

    /// <summary>0 free only, 1 up to low-cost, 2 any.</summary>
    public required int CostLimitRank { get; init; }

    /// <summary>DayNumber of the day 12 months before the match date: reviews on or after it are recent.</summary>
    public required int ReviewCutoffDay { get; init; }

    public required PreferredFormat.Fit FormatFit { get; init; }

    public required EffectiveWeights Weights { get; init; }

    /// <summary>Weights by factor position in DecisionFactors.All, for the scoring loop.</summary>
    public required double[] WeightByFactor { get; init; }

    /// <summary>District-centroid distance to the service's venue; NaN when either place is unknown.</summary>
    public double DistanceKmTo(in CandidateTraits service) =>
        service.HasVenue && HasLocation ? UnitVector.KmFromHaversine(Location.HaversineTo(service.Venue)) : double.NaN;

    public static PatientTraits Compile(Patient patient, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentOutOfRangeException.ThrowIfLessThan(patient.MaxTravelKm, 1, nameof(patient.MaxTravelKm));

        var spoken = LanguageMask.Of(patient.Languages);
        var firstLanguage = patient.Languages.Count > 0 ? Vocabularies.Languages.IndexOf(patient.Languages[0]) : English;
        var weights = FactorWeights.For(Cohorts.From(patient.HasUsedPeerSupport), patient.FactorPriorities);
        var weightByFactor = new double[DecisionFactors.Count];
        foreach (var factor in weights.Factors)
        {
            weightByFactor[DecisionFactors.IndexOf(factor.Factor)] = factor.Weight;
        }

        return new PatientTraits(patient)
        {
            Age = asOf.Year - patient.BirthYear,
            HasLocation = patient.Location.HasValue,
            Location = patient.Location is { } point ? UnitVector.From(point) : default,
            MaxTravelKm = patient.MaxTravelKm,
            MaxTravelHaversine = UnitVector.HaversineOf(patient.MaxTravelKm),
            IsMan = patient.Gender == "man",
            IsWoman = patient.Gender == "woman",
            Conditions = CodeMask.Of(Vocabularies.Conditions, patient.Conditions),
            Communities = CodeMask.Of(Vocabularies.Communities, patient.Communities),
            AccessNeeds = CodeMask.Of(Vocabularies.AccessibilityFeatures, patient.AccessibilityNeeds),
            Availability = CodeMask.Of(Vocabularies.ScheduleSlots, patient.Availability),
            PreferredFormats = FormatTable.Of(patient.PreferredFormats),
            AvoidFormats = FormatTable.Of(patient.AvoidFormats),
            Spoken = patient.NeedsInterpreter ? spoken : spoken.With(English),
            FirstLanguage = firstLanguage,
            FirstLanguageOnly = default(LanguageMask).With(firstLanguage),
            // "any" is not a cost code, so it ranks above paid and allows every service.
            CostLimitRank = Candidate.Rank(Vocabularies.Costs, patient.CostLimit, ifUnknown: 2),
            ReviewCutoffDay = asOf.AddMonths(-12).DayNumber,
            FormatFit = PreferredFormat.Fit.For(patient),
            Weights = weights,
            WeightByFactor = weightByFactor,
        };
    }
}
