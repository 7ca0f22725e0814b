namespace Referral.Domain.Outcomes;

/// <summary>
/// ONS4 personal wellbeing, the Office for National Statistics' four harmonised questions (free to
/// use), each answered from 0 "not at all" to 10 "completely". Higher is better for the first
/// three; for anxiety, lower is better.
/// </summary>
public static class Ons4
{
    public const int Min = 0;
    public const int Max = 10;

    public const string LifeSatisfaction = "Overall, how satisfied are you with your life nowadays?";
    public const string Worthwhile = "Overall, to what extent do you feel that the things you do in your life are worthwhile?";
    public const string Happiness = "Overall, how happy did you feel yesterday?";
    public const string Anxiety = "On a scale where 0 is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?";

    /// <summary>The four items as the API names them, in the harmonised order.</summary>
    public static readonly IReadOnlyList<string> Items = ["lifeSatisfaction", "worthwhile", "happiness", "anxiety"];
}

/// <summary>When a set of measures was taken: at referral, or after the support started.</summary>
public static class OutcomeTimepoints
{
    public const string Baseline = "baseline";
    public const string FollowUp = "follow-up";

    public static readonly IReadOnlyList<string> All = [Baseline, FollowUp];
}

/// <summary>One ONS4 answer set.</summary>
public sealed record Ons4Answers(int LifeSatisfaction, int Worthwhile, int Happiness, int Anxiety)
{
    public int this[string item] => item switch
    {
        "lifeSatisfaction" => LifeSatisfaction,
        "worthwhile" => Worthwhile,
        "happiness" => Happiness,
        "anxiety" => Anxiety,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };
}

/// <summary>A set of measures about to be stored.</summary>
public sealed record OutcomeInput(string Timepoint, Ons4Answers Ons4, IReadOnlyList<int>? Ucla3, string RecordedBy, DateTimeOffset MeasuredAt);

/// <summary>A stored set of measures.</summary>
public sealed record OutcomeRecord(
    Guid Id,
    Guid ReferralId,
    string Timepoint,
    Ons4Answers Ons4,
    IReadOnlyList<int>? Ucla3,
    int IntervalDays,
    string RecordedBy,
    DateTimeOffset MeasuredAt,
    Guid? KeyId,
    DateTimeOffset RecordedAt);
