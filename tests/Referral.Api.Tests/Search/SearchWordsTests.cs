using Referral.Api.Search;

namespace Referral.Api.Tests.Search;

public sealed class SearchWordsTests
{
    [Theory]
    [InlineData("Café conversations", "cafe|conversations")]
    [InlineData("Cafe\u0301 ÉCOLE", "cafe|ecole")]
    [InlineData("100% peer-led_group", "100|peer|led|group")]
    [InlineData("  walk  WALK Walk ", "walk")]
    [InlineData("%_ - !", "")]
    [InlineData("Cymorth i'r gymuned", "cymorth|i|r|gymuned")]
    [InlineData("Łódź straße", "lodz|straße")]
    [InlineData("Gŵyl Dewi Sant ẁ", "gwyl|dewi|sant|w")]
    public void Text_is_cut_into_lower_case_words_without_accents(string text, string words) =>
        Assert.Equal(words.Length == 0 ? [] : words.Split('|'), SearchWords.Of(text));
}
