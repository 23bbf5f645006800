using System.Collections;
using System.Globalization;
using System.Resources;

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

    /// <summary>Every key has a text in both languages, and none is blank.</summary>
    public static void AssertBothLanguagesComplete(ResourceManager resources)
    {
        var english = English(resources);
        var polish = PolishTexts(resources);

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(polish.Keys).Order());
        Assert.Empty(polish.Keys.Except(english.Keys).Order());
        Assert.Empty(english.Concat(polish).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    /// <summary>The Polish text of every key takes the same <paramref name="arguments"/> as the English one.</summary>
    public static void AssertSameArguments(ResourceManager resources, Func<string, IReadOnlySet<string>> arguments)
    {
        var polish = PolishTexts(resources);

        var mismatched = English(resources)
            .Where(t => !arguments(t.Value).SetEquals(arguments(polish.GetValueOrDefault(t.Key) ?? "")))
            .Select(t => t.Key);

        Assert.Empty(mismatched);
    }
}
