using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Twinning.Module.Features.Admin;
using Twinning.Module.Tests.Infrastructure;

namespace Twinning.Module.Tests.Admin;

/// <summary>The admin speaks English and Polish in full: every text has both, with the same arguments, and every key
/// a page asks for exists.</summary>
public sealed partial class AdminTextTests
{
    private static readonly ResourceManager Resources = new(typeof(AdminText));

    private static Dictionary<string, string> Texts(CultureInfo culture)
        => Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    private static Dictionary<string, string> English => Texts(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Polish => Texts(AdminCultures.Polish.Parent);

    [Fact]
    public void EveryTextHasAnEnglishAndAPolishTranslation()
    {
        var english = English;
        var polish = Polish;

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(polish.Keys).Order());
        Assert.Empty(polish.Keys.Except(english.Keys).Order());
        Assert.Empty(english.Concat(polish).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Fact]
    public void BothLanguagesTakeTheSameArguments()
    {
        var polish = Polish;

        var mismatched = English
            .Where(t => !Arguments(t.Value).SetEquals(Arguments(polish.GetValueOrDefault(t.Key) ?? "")))
            .Select(t => t.Key);

        Assert.Empty(mismatched);
    }

    [Fact]
    public void EveryKeyThePagesAskForIsTranslated()
    {
        var admin = Repository.PathOf("Twinning.Module", "Features", "Admin");
        var used = Directory.EnumerateFiles(admin, "*.cs*", SearchOption.AllDirectories)
            .SelectMany(file => KeyUse().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Media.Upload", used);
        Assert.Empty(used.Except(English.Keys).Order());
    }

    private static HashSet<string> Arguments(string text) => [.. Argument().Matches(text).Select(m => m.Value)];


    /// <summary>A localizer lookup in a page or its model: <c>T["Media.Upload"]</c>, <c>t["Media.Uploaded", …]</c>.</summary>
    [GeneratedRegex("""\b[Tt]\["([A-Za-z]+\.[A-Za-z]+)"[,\]]""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Argument();
}
