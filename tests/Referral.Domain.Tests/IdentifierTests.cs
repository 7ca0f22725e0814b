using Referral.Domain.Identifiers;

namespace Referral.Domain.Tests;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("9449305552", "9449305552")]
    [InlineData("944 930 5552", "9449305552")]
    [InlineData("9434765919", "9434765919")]
    public void A_valid_nhs_number_normalises_to_ten_digits(string input, string expected)
    {
        Assert.Equal(expected, NhsNumber.Normalise(input));
    }

    [Theory]
    [InlineData("9449305553")] // wrong check digit
    [InlineData("944930555")] // nine digits
    [InlineData("94493055521")] // eleven digits
    [InlineData("9449305552\n")] // a trailing newline is not a digit
    [InlineData("944-930-5552")]
    [InlineData("1000000010")] // its check digit would be 10, which no NHS number has
    [InlineData("")]
    [InlineData(null)]
    public void An_nhs_number_that_fails_modulus_11_or_its_shape_is_refused(string? input)
    {
        Assert.False(NhsNumber.IsValid(input));
    }

    [Fact]
    public void An_nhs_number_is_shown_only_by_its_last_four_digits()
    {
        Assert.Equal("*** *** 5552", NhsNumber.Mask("9449305552"));
    }

    [Theory]
    [InlineData("LS1 4AP", "LS1")]
    [InlineData("ls14ap", "LS1")]
    [InlineData("LS1", "LS1")]
    [InlineData("EC1A 1BB", "EC1A")]
    [InlineData("BT7 1NN", "BT7")]
    public void A_postcode_or_district_gives_its_district(string input, string district)
    {
        Assert.Equal(district, Postcode.DistrictOf(input));
    }

    [Theory]
    [InlineData("LS1 4AP\n")]
    [InlineData("LS1\n")]
    [InlineData("LS")]
    [InlineData("1LS 4AP")]
    [InlineData("LS1 4AP LS1 4AP")]
    public void Anything_else_is_no_district(string input)
    {
        Assert.Null(Postcode.DistrictOf(input));
    }

    [Fact]
    public void A_full_postcode_is_stored_in_one_spelling()
    {
        Assert.Equal("LS8 2HH", Postcode.NormaliseFull("ls82hh"));
        Assert.Null(Postcode.NormaliseFull("LS8"));
    }

    [Theory]
    [InlineData("a81001", "A81001")]
    [InlineData("Y02345", "Y02345")]
    public void A_practice_ods_code_is_a_letter_and_five_digits(string input, string expected)
    {
        Assert.Equal(expected, OdsCode.Normalise(input));
    }

    [Theory]
    [InlineData("A8100")]
    [InlineData("AB1001")]
    [InlineData("RR8")] // a trust, not a practice
    public void Other_ods_codes_are_not_practices(string input)
    {
        Assert.Null(OdsCode.Normalise(input));
    }

    [Theory]
    [InlineData("gmc", "1234567", true)]
    [InlineData("gmc", "1234567\n", false)]
    [InlineData("gmc", "123456", false)]
    [InlineData("nmc", "01A2345N", true)]
    [InlineData("nmc", "01A2345", false)]
    [InlineData("hcpc", "PA12345", true)]
    [InlineData("gphc", "2012345", true)]
    [InlineData("unknown", "1234567", false)]
    public void Registration_numbers_follow_their_body_format(string body, string number, bool valid)
    {
        Assert.Equal(valid, ProfessionalRegistration.IsValid(body, number));
    }
}
