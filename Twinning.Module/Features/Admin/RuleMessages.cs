using System.Globalization;
using Microsoft.Extensions.Localization;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.Admin;

/// <summary>The rules' messages in the editor's language: the APIs answer them in English, the admin through its
/// localiser over <c>RuleText.resx</c> and <c>RuleText.pl.resx</c> (Twinning.Core, beside the rule contract).</summary>
public static class RuleMessages
{
    public static string Text(this IStringLocalizer<RuleText> texts, RuleMessage message)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(message);
        return message.Render(key => texts[key] is { ResourceNotFound: false } text ? text.Value : null, CultureInfo.CurrentCulture);
    }
}
