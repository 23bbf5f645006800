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

    /// <summary>The message naming its field by <paramref name="label"/>, the label the page shows it under (the rules
    /// name a field as the definitions write it); as the rule wrote it without a label.</summary>
    public static string Text(this IStringLocalizer<RuleText> texts, RuleMessage message, string? label)
    {
        ArgumentNullException.ThrowIfNull(message);
        return texts.Text(label is not null && message.Arguments.ContainsKey("field")
            ? message with { Arguments = new Dictionary<string, object?>(message.Arguments) { ["field"] = label } }
            : message);
    }
}
