namespace Referral.Domain.Personality;

/// <summary>The Big Five traits on the TIPI's 1.0-7.0 scale.</summary>
public sealed record TipiTraits(
    double Extraversion,
    double Agreeableness,
    double Conscientiousness,
    double EmotionalStability,
    double Openness);

/// <summary>
/// Ten Item Personality Inventory (Gosling, Rentfrow and Swann 2003): ten items rated 1-7.
/// Each trait is the mean of one item and one reversed item (8 - x).
/// </summary>
public static class Tipi
{
    public const int Items = 10;
    public const int Min = 1;
    public const int Max = 7;

    public static TipiTraits Score(IReadOnlyList<int> answers)
    {
        if (answers.Count != Items || answers.Any(a => a is < Min or > Max))
        {
            throw new ArgumentException("TIPI needs ten answers from 1 to 7.", nameof(answers));
        }

        // Items are numbered 1-10 in the instrument; R marks a reversed item.
        double Pair(int item, int reversedItem) => (answers[item - 1] + (8 - answers[reversedItem - 1])) / 2.0;

        return new TipiTraits(
            Extraversion: Pair(1, 6),
            Agreeableness: Pair(7, 2),
            Conscientiousness: Pair(3, 8),
            EmotionalStability: Pair(9, 4),
            Openness: Pair(5, 10));
    }
}
