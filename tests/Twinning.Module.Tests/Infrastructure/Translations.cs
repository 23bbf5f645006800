using System.Collections;
using System.Globalization;
using System.Resources;
using Twinning.Core.Rules;

namespace Twinning.Module.Tests.Infrastructure;

/// <summary>The English (neutral) and Polish texts of a resource, and the check that both are complete.</summary>
public static class Translations
{
    public static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    /// <summary>The texts of one culture only, without falling back to the neutral ones.</summary>
    public static Dictionary<string, string> Texts(ResourceManager resources, CultureInfo culture)
        => resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    public static Dictionary<string, string> English(ResourceManager resources) => Texts(resources, CultureInfo.InvariantCulture);

    public static Dictionary<string, string> PolishTexts(ResourceManager resources) => Texts(resources, Polish.Parent);

    /// <summary>Every key has a text in both languages, and none is blank. A plural set (<see cref="Plurals"/>) has
    /// the forms of each language's categories: <c>.One</c> and <c>.Other</c> in English, <c>.One</c>, <c>.Few</c>,
    /// <c>.Many</c> and <c>.Other</c> in Polish, and no text of its own.</summary>
    public static void AssertBothLanguagesComplete(ResourceManager resources)
    {
        var english = English(resources);
        var polish = PolishTexts(resources);

        Assert.NotEmpty(english);
        Assert.Empty(Singles(english).Except(Singles(polish)).Order());
        Assert.Empty(Singles(polish).Except(Singles(english)).Order());
        Assert.Empty(english.Concat(polish).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));

        var sets = PluralSets(english).Union(PluralSets(polish)).ToList();
        Assert.DoesNotContain(sets, set => english.ContainsKey(set) || polish.ContainsKey(set));
        Assert.Empty(sets.SelectMany(set => Forms(set, ".One", ".Other")).Where(key => !english.ContainsKey(key)).Order());
        Assert.Empty(sets.SelectMany(set => Forms(set, ".Few", ".Many")).Where(english.ContainsKey).Order());
        Assert.Empty(sets.SelectMany(set => Forms(set, [.. Plurals.Suffixes])).Where(key => !polish.ContainsKey(key)).Order());
    }

    /// <summary>The plural sets among the keys (<c>Bulk.TooMany</c> for <c>Bulk.TooMany.Few</c>).</summary>
    public static IEnumerable<string> PluralSets(IReadOnlyDictionary<string, string> texts)
        => texts.Keys.Select(Plurals.SetOf).OfType<string>().Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Singles(Dictionary<string, string> texts)
        => texts.Keys.Where(key => Plurals.SetOf(key) is null);

    private static IEnumerable<string> Forms(string set, params string[] suffixes) => suffixes.Select(s => set + s);

    /// <summary>The Polish text of every key takes the same <paramref name="arguments"/> as the English one.</summary>
    public static void AssertSameArguments(ResourceManager resources, Func<string, IReadOnlySet<string>> arguments)
    {
        var polish = PolishTexts(resources);

        var english = English(resources);
        // Each form of a plural set takes the arguments of the English text for most numbers (its .Other).
        var mismatched = english.Concat(polish.Where(t => Plurals.SetOf(t.Key) is not null))
            .Where(t => !arguments(t.Value).SetEquals(arguments(
                (Plurals.SetOf(t.Key) is { } set ? english.GetValueOrDefault(set + ".Other") : polish.GetValueOrDefault(t.Key)) ?? "")))
            .Select(t => t.Key);

        Assert.Empty(mismatched);
    }
}
