using System.Text.RegularExpressions;

namespace Referral.Domain.Identifiers;

/// <summary>
/// UK postcodes and postcode districts. A full postcode is an outward code (the district) and an
/// inward code; the district is all the location the product needs to keep about a patient.
/// </summary>
public static partial class Postcode
{
    /// <summary>
    /// Accepts a full postcode ("LS1 4AP", "ls14ap") or a district ("LS1") and returns the
    /// district in upper case, or null when the text is neither.
    /// </summary>
    public static string? DistrictOf(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 10)
        {
            return null;
        }

        var compact = input.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (District().IsMatch(compact))
        {
            return compact;
        }

        var full = FullPostcode().Match(compact);
        return full.Success ? full.Groups["outward"].Value : null;
    }

    /// <summary>Normalises a full postcode to "OUTWARD INWARD", or null when it is not one.</summary>
    public static string? NormaliseFull(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 10)
        {
            return null;
        }

        var compact = input.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var full = FullPostcode().Match(compact);
        return full.Success ? $"{full.Groups["outward"].Value} {full.Groups["inward"].Value}" : null;
    }

    // Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A.
    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?\\z")]
    private static partial Regex District();

    [GeneratedRegex("^(?<outward>[A-Z]{1,2}[0-9][A-Z0-9]?)(?<inward>[0-9][A-Z]{2})\\z")]
    private static partial Regex FullPostcode();
}
