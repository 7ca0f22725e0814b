namespace Referral.Domain.Personality;

public sealed record LonelinessScore(int Sum, bool Lonely);

/// <summary>
/// UCLA three-item loneliness scale (Hughes et al. 2004): each item hardly ever = 1, some of the
/// time = 2, often = 3. A sum of 6 or more is commonly read as lonely.
/// </summary>
public static class Ucla3
{
    public const int Items = 3;
    public const int Min = 1;
    public const int Max = 3;
    public const int LonelyThreshold = 6;

    public static LonelinessScore Score(IReadOnlyList<int> answers)
    {
        if (answers.Count != Items || answers.Any(a => a is < Min or > Max))
        {
            throw new ArgumentException("UCLA-3 needs three answers from 1 to 3.", nameof(answers));
        }

        var sum = answers.Sum();
        return new LonelinessScore(sum, sum >= LonelyThreshold);
    }
}
