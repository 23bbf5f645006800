using System.Globalization;
using Microsoft.Extensions.Localization;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.ContentEditing;

/// <summary>Admin texts that count something (<c>Password.Rule</c>: "At least 12 characters.") are plural sets in the
/// resources, <c>Password.Rule.One</c>, <c>.Few</c>, <c>.Many</c>, <c>.Other</c> (<see cref="Plurals"/>); these pick the
/// form for the number in the editor's language, for the admin's pages and the field and part editors alike.</summary>
public static class LocalizedPlurals
{
    /// <summary>The form of <paramref name="key"/>'s plural set for <paramref name="number"/>, formatted with
    /// <paramref name="arguments"/> (the number alone when none are given): <c>T.Plural("Bulk.TooMany", 100)</c>.</summary>
    public static LocalizedString Plural(this IStringLocalizer texts, string key, decimal number, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Plurals.Text(k => texts[k] is { ResourceNotFound: false } text ? text.Value : null, key, number, CultureInfo.CurrentUICulture) is { } form
            ? new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, form, arguments is [] ? [number] : arguments))
            : new LocalizedString(key, key, resourceNotFound: true);
    }

    /// <summary>Every form of <paramref name="key"/>'s plural set in the editor's language, for a script that counts in
    /// the page: by category in lower case ("one", "few", "many", "other", as the browser's <c>Intl.PluralRules</c> names
    /// them), a form the language does not have being <c>.Other</c>'s.</summary>
    public static IReadOnlyDictionary<string, string> PluralForms(this IStringLocalizer texts, string key)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Enum.GetValues<PluralCategory>().ToDictionary(
            c => c.ToString().ToLowerInvariant(),
            c => (texts[key + "." + c] is { ResourceNotFound: false } form ? form : texts[key + ".Other"]).Value);
    }

    /// <summary>The text of a key known only at run time (a form problem's): a plural set counts by its
    /// first argument, any other key reads as <c>texts[key, arguments]</c>.</summary>
    public static LocalizedString Text(this IStringLocalizer texts, string key, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts[key].ResourceNotFound && arguments is [var count, ..] && Plurals.Number(count) is { } number
            ? texts.Plural(key, number, arguments)
            : texts[key, arguments];
    }
}
