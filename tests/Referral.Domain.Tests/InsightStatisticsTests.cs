using Referral.Domain.Insights;

namespace Referral.Domain.Tests;

/// <summary>
/// The insights' statistics against values computed independently (by hand from the published
/// formulas, and Newcombe's own worked example), and the disclosure rules.
/// </summary>
public sealed class InsightStatisticsTests
{
    [Theory]
    [InlineData(8, 20, 0.218807, 0.613418)]
    [InlineData(0, 10, 0.0, 0.277533)]
    [InlineData(10, 10, 0.722467, 1.0)]
    [InlineData(9, 13, 0.423693, 0.873193)]
    public void Wilson_intervals_match_the_score_formula(int successes, int trials, double lower, double upper)
    {
        var interval = Proportions.Wilson(successes, trials);

        Assert.Equal(lower, interval.Lower, 5);
        Assert.Equal(upper, interval.Upper, 5);
    }

    [Fact]
    public void A_difference_of_proportions_has_Newcombes_hybrid_score_interval()
    {
        // Newcombe (1998), Statistics in Medicine 17:873, table II example (56/70 vs 48/80): 0.0524 to 0.3339.
        var (difference, interval) = Proportions.Difference(56, 70, 48, 80);

        Assert.Equal(0.2, difference, 9);
        Assert.Equal(0.0524, interval.Lower, 4);
        Assert.Equal(0.3339, interval.Upper, 4);
    }

    [Fact]
    public void A_difference_of_differences_combines_the_two_intervals_by_MOVER()
    {
        var first = Proportions.Difference(9, 13, 8, 10);
        var second = Proportions.Difference(8, 9, 8, 8);

        var (difference, interval) = Proportions.Combine(first.Difference, first.Interval, second.Difference, second.Interval);

        // By hand: d = (9/13 - 8/10) - (8/9 - 8/8) = 0.00342; limits d -/+ sqrt of the squared distances.
        Assert.Equal(0.003, difference, 3);
        Assert.Equal(-0.451, interval.Lower, 3);
        Assert.Equal(0.487, interval.Upper, 3);
    }

    [Fact]
    public void A_mean_change_has_a_t_interval_with_n_minus_1_degrees_of_freedom()
    {
        var (mean, interval) = MeanChange.Of([1, 2, 3, 0, 2, 1, 1, 2]);

        // s = 0.9258, t(7) = 2.365: 1.5 -/+ 2.365 * 0.9258 / sqrt(8).
        Assert.Equal(1.5, mean, 9);
        Assert.Equal(0.7259, interval.Lower, 4);
        Assert.Equal(2.2741, interval.Upper, 4);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, null)]
    [InlineData(7, null)]
    [InlineData(8, 10)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(1002, 1000)]
    [InlineData(1003, 1005)]
    public void Counts_of_1_to_7_are_suppressed_and_the_rest_rounded_to_the_nearest_5(int count, int? published)
    {
        Assert.Equal(published, Disclosure.Publish(count));
    }

    [Fact]
    public void A_figure_is_shown_only_when_no_count_behind_it_is_suppressed()
    {
        Assert.True(Disclosure.AllShown(0, 8, 100));
        Assert.False(Disclosure.AllShown(3, 100));
    }
}
