using Referral.Domain.Referrals;

namespace Referral.Domain.Tests;

public sealed class AgeBandTests
{
    [Theory]
    [InlineData(0, "under-18")]
    [InlineData(17, "under-18")]
    [InlineData(18, "18-19")]
    [InlineData(19, "18-19")]
    [InlineData(20, "20-29")]
    [InlineData(29, "20-29")]
    [InlineData(30, "30-39")]
    [InlineData(79, "70-79")]
    [InlineData(80, "80-plus")]
    [InlineData(104, "80-plus")]
    public void A_referral_keeps_the_band_of_the_age_reached_that_year(int age, string band)
    {
        Assert.Equal(band, AgeBands.For(2026 - age, 2026));
    }

    [Fact]
    public void Every_adult_age_below_80_falls_inside_its_band_and_bands_are_at_most_ten_years()
    {
        for (var age = 18; age < 80; age++)
        {
            var bounds = AgeBands.For(2026 - age, 2026).Split('-').Select(int.Parse).ToArray();
            Assert.InRange(age, bounds[0], bounds[1]);
            Assert.InRange(bounds[1] - bounds[0], 1, 9);
        }
    }
}
