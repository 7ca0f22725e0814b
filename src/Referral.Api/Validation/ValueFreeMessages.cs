using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation.Resources;

namespace Referral.Api.Validation;

/// <summary>
/// FluentValidation's default messages with every sentence that repeats the value sent taken
/// out ("You entered 9434765919."): a problem names the field and the rule, never the value,
/// since error bodies end up in practice system logs.
/// </summary>
public sealed partial class ValueFreeMessages : LanguageManager
{
    public override string GetString(string key, CultureInfo? culture = null)
    {
        var message = base.GetString(key, culture);
        if (!message.Contains("{PropertyValue}", StringComparison.Ordinal))
        {
            return message;
        }

        var withoutValue = SentenceWithValue().Replace(message, string.Empty).Trim();
        return withoutValue.Length > 0 ? withoutValue : "'{PropertyName}' has a value that is not allowed.";
    }

    [GeneratedRegex(@"[^.]*\{PropertyValue\}[^.]*\.?")]
    private static partial Regex SentenceWithValue();
}
