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

    [Fact]
    public void EveryTextHasAnEnglishAndAPolishTranslation() => Translations.AssertBothLanguagesComplete(Resources);

    [Fact]
    public void BothLanguagesTakeTheSameArguments() => Translations.AssertSameArguments(Resources, Arguments);

    [Fact]
    public void EveryKeyThePagesAskForIsTranslated()
    {
        var admin = Repository.PathOf("Twinning.Module", "Features", "Admin");
        var used = Directory.EnumerateFiles(admin, "*.cs*", SearchOption.AllDirectories)
            .SelectMany(file => KeyUse().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Media.Upload", used);
        Assert.Empty(used.Except(Translations.English(Resources).Keys).Order());
    }

    private static HashSet<string> Arguments(string text) => [.. Argument().Matches(text).Select(m => m.Value)];


    /// <summary>A localizer lookup in a page or its model: <c>T["Media.Upload"]</c>, <c>t["Media.Uploaded", …]</c>.</summary>
    [GeneratedRegex("""\b[Tt]\["([A-Za-z]+\.[A-Za-z]+)"[,\]]""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Argument();
}
