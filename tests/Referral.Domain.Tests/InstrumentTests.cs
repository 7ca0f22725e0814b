using Referral.Domain.Personality;

namespace Referral.Domain.Tests;

public sealed class InstrumentTests
{
    [Fact]
    public void Tipi_pairs_each_item_with_its_reversed_item()
    {
        // Item 1 (extraverted) 7 with item 6 (reserved, reversed) 1 is as extraverted as it gets.
        var traits = Tipi.Score([7, 4, 4, 4, 4, 1, 4, 4, 4, 4]);

        Assert.Equal(7.0, traits.Extraversion);
        Assert.Equal(4.0, traits.Agreeableness);
        Assert.Equal(4.0, traits.Openness);
    }

    [Fact]
    public void Tipi_middle_answers_score_the_middle_of_the_scale()
    {
        var traits = Tipi.Score([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);

        Assert.All(new[] { traits.Extraversion, traits.Agreeableness, traits.Conscientiousness, traits.EmotionalStability, traits.Openness }, t => Assert.Equal(4.0, t));
    }

    [Theory]
    [InlineData(new[] { 1, 2, 2 }, 5, false)]
    [InlineData(new[] { 2, 2, 2 }, 6, true)]
    [InlineData(new[] { 3, 3, 3 }, 9, true)]
    public void Ucla3_reads_a_sum_of_six_or_more_as_lonely(int[] answers, int sum, bool lonely)
    {
        Assert.Equal(new LonelinessScore(sum, lonely), Ucla3.Score(answers));
    }

    [Fact]
    public void Answers_off_the_scale_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Tipi.Score([8, 4, 4, 4, 4, 4, 4, 4, 4, 4]));
        Assert.Throws<ArgumentException>(() => Ucla3.Score([1, 2]));
    }
}
