using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Twinning.Core.Rules;

/// <summary>
/// A validation message as data: a key of <c>RuleText.resx</c> (<c>Field.Required</c>) and its named arguments
/// (<c>field</c> = "Title"). The APIs and recipes answer in English (<see cref="English"/>); the admin renders the same
/// message in the editor's language from the same key. An argument may itself be a message, rendered in the same language.
/// A key counting something (<see cref="RuleText.Counts"/>) has a plural set of texts instead of one (<see cref="Plurals"/>):
/// <c>Revision.NoteTooLong.One</c>, <c>.Few</c>, <c>.Many</c>, <c>.Other</c>, picked by its counting argument.
/// </summary>
public sealed partial record RuleMessage(string Key, IReadOnlyDictionary<string, object?> Arguments)
{
    private static readonly ResourceManager Texts = new(typeof(RuleText));

    public static RuleMessage Of(string key, params (string Name, object? Value)[] arguments)
        => new(key, arguments.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    /// <summary>The message in English, as the REST API, GraphQL and recipes write it.</summary>
    public string English => Render(key => Texts.GetString(key, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The message from <paramref name="template"/> (a key's text in the reader's language, with <c>{name}</c>
    /// for each argument; null when there is none, and the key is shown instead), numbers written for <paramref name="culture"/>.</summary>
    public string Render(Func<string, string?> template, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(template);
        var text = !RuleText.Counts.TryGetValue(Key, out var count) ? template(Key)
            : Plurals.Number(Arguments.GetValueOrDefault(count)) is { } number ? Plurals.Text(template, Key, number, culture)
            : template(Key + ".Other");
        return Placeholder().Replace(text ?? Key, m => Arguments.TryGetValue(m.Groups[1].Value, out var value)
            ? value switch
            {
                RuleMessage inner => inner.Render(template, culture),
                IFormattable formattable => formattable.ToString(null, culture),
                _ => value?.ToString() ?? "",
            }
            : m.Value);
    }

    public override string ToString() => English;

    /// <summary>The argument names a text takes, such as <c>{field}</c>.</summary>
    public static IReadOnlySet<string> ArgumentNames(string template)
        => Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>The texts of <see cref="RuleMessage"/> keys: <c>RuleText.resx</c> (English, what the APIs answer) and
/// <c>RuleText.pl.resx</c> (Polish) beside this file. A host's localiser reads them as <c>IStringLocalizer&lt;RuleText&gt;</c>.</summary>
public sealed class RuleText
{
    private RuleText()
    {
    }

    /// <summary>The keys whose text depends on a count, each with the argument holding it: these have a plural set of
    /// texts (<c>Html.TooDeep.One</c>, <c>.Other</c>; in Polish also <c>.Few</c>, <c>.Many</c>) instead of one.</summary>
    public static readonly IReadOnlyDictionary<string, string> Counts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Field.TooManyItems"] = "max",
        ["Numeric.TooManyDecimals"] = "scale",
        ["Html.TooDeep"] = "max",
        ["Revision.NoteTooLong"] = "max",
        ["Media.DecorativeMarks"] = "files",
        ["Taxonomy.TermInUse"] = "count",
    };
}
