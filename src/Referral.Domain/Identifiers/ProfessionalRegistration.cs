using System.Text.RegularExpressions;

namespace Referral.Domain.Identifiers;

/// <summary>The bodies that register the clinicians who endorse a service, and their number formats.</summary>
public static partial class ProfessionalRegistration
{
    public const string Gmc = "gmc";
    public const string Nmc = "nmc";
    public const string Hcpc = "hcpc";
    public const string Gphc = "gphc";

    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        [Gmc] = "7 digits, e.g. 1234567",
        [Nmc] = "2 digits, a letter, 4 digits and a letter, e.g. 01A2345N",
        [Hcpc] = "2 letters and digits, e.g. PA12345",
        [Gphc] = "7 digits, e.g. 2012345",
    };

    public static bool IsValid(string body, string? number) => number is not null && body switch
    {
        Gmc or Gphc => SevenDigits().IsMatch(number),
        Nmc => NmcPin().IsMatch(number),
        Hcpc => HcpcNumber().IsMatch(number),
        _ => false,
    };

    [GeneratedRegex("^[0-9]{7}\\z")]
    private static partial Regex SevenDigits();

    [GeneratedRegex("^[0-9]{2}[A-Z][0-9]{4}[A-Z]\\z")]
    private static partial Regex NmcPin();

    [GeneratedRegex("^[A-Z]{2}[0-9]{4,6}\\z")]
    private static partial Regex HcpcNumber();
}
