using System.Text.RegularExpressions;

namespace Referral.Domain.Identifiers;

/// <summary>
/// The ODS code of a GP practice: one letter and five digits (A81001; new English practices
/// start with Y). Practices are the tenants of the API, so only practice codes are accepted.
/// </summary>
public static partial class OdsCode
{
    public static string? Normalise(string? input)
    {
        var code = input?.Trim().ToUpperInvariant();
        return code is not null && PracticeCode().IsMatch(code) ? code : null;
    }

    [GeneratedRegex("^[A-Z][0-9]{5}\\z")]
    private static partial Regex PracticeCode();
}
