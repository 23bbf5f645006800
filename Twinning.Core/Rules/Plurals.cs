using System.Globalization;

namespace Twinning.Core.Rules;

/// <summary>The CLDR plural category of a number in a language: which form of a text it takes.</summary>
public enum PluralCategory
{
    One,
    Few,
    Many,
    Other,
}

/// <summary>
/// Texts that depend on a number: a plural set is the texts <c>{key}.One</c>, <c>.Few</c>, <c>.Many</c> and <c>.Other</c>
/// (English needs only <c>.One</c> and <c>.Other</c>), and the number's category in the reader's language picks one.
/// Polish follows CLDR (1 plik, 2 pliki, 5 plików, 22 pliki, 1,5 pliku); every other language follows English, the
/// language a missing translation falls back to, never the rules of another language.
/// </summary>
public static class Plurals
{
    /// <summary>The suffixes of a plural set's keys, in the order of <see cref="PluralCategory"/>.</summary>
    public static readonly IReadOnlyList<string> Suffixes = [.. Enum.GetNames<PluralCategory>().Select(n => "." + n)];

    /// <summary>The category of <paramref name="number"/> in <paramref name="culture"/>'s language. A number written
    /// with decimals (1.5, or 1.0 as a decimal of scale 1) counts as a fraction, as CLDR's <c>v</c> operand has it.</summary>
    public static PluralCategory Category(CultureInfo culture, decimal number)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var whole = number.Scale == 0;
        var i = decimal.Truncate(Math.Abs(number));
        return culture.TwoLetterISOLanguageName switch
        {
            "pl" => !whole ? PluralCategory.Other
                : i == 1 ? PluralCategory.One
                : i % 10 is >= 2 and <= 4 && i % 100 is not (>= 12 and <= 14) ? PluralCategory.Few
                : PluralCategory.Many,
            _ => whole && i == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>The number an argument holds (an integer or decimal type, or a text such as "12"), or null.</summary>
    public static decimal? Number(object? value) => value switch
    {
        null or bool or char => null,
        double or float when !double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)) => null,
        string text => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        decimal d => d,
        IConvertible convertible when value.GetType().IsPrimitive => convertible.ToDecimal(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The text of <paramref name="key"/>'s plural set for <paramref name="number"/>: the form of its category,
    /// else <c>.Other</c>; null when <paramref name="template"/> (a key's text in the reader's language, null when it
    /// has none) has neither.</summary>
    public static string? Text(Func<string, string?> template, string key, decimal number, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template(key + Suffixes[(int)Category(culture, number)]) ?? template(key + ".Other");
    }

    /// <summary>The key of a plural set's form (<c>Bulk.TooMany.Few</c> → <c>Bulk.TooMany</c>), or null when
    /// <paramref name="key"/> is no plural form.</summary>
    public static string? SetOf(string key)
        => Suffixes.FirstOrDefault(s => key.EndsWith(s, StringComparison.Ordinal)) is { } suffix ? key[..^suffix.Length] : null;
}
