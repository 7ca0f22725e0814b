namespace Referral.Domain.Identifiers;

/// <summary>
/// An NHS number: ten digits whose last is a Modulus 11 check digit (domain reference, section 6).
/// It is personal data: never log it, and show it masked.
/// </summary>
public static class NhsNumber
{
    /// <summary>Normalises input such as "944 930 5552" to ten digits, or returns null when invalid.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        Span<char> digits = stackalloc char[10];
        var count = 0;
        foreach (var c in input)
        {
            if (c == ' ')
            {
                continue;
            }

            if (c is < '0' or > '9' || count == 10)
            {
                return null;
            }

            digits[count++] = c;
        }

        return count == 10 && HasValidCheckDigit(digits) ? new string(digits) : null;
    }

    public static bool IsValid(string? input) => Normalise(input) is not null;

    /// <summary>Shows only the last four digits, in the NHS's 3-3-4 grouping: "*** *** 5552".</summary>
    public static string Mask(string normalised) => $"*** *** {normalised[^4..]}";

    private static bool HasValidCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }
}
