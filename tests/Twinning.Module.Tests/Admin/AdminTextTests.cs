using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;
using Twinning.Core.Rules;
using Twinning.Module.Features.Admin;
using Twinning.Module.Features.ContentEditing;
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
        Assert.Contains("Bulk.TooMany", used);
        var english = Translations.English(Resources).Keys.Select(key => Plurals.SetOf(key) ?? key).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(used.Except(english).Order());
    }

    [Theory]
    [InlineData(1, "Zaznacz najwyżej 1 pozycję naraz.", "Select at most 1 item at once.")]
    [InlineData(2, "Zaznacz najwyżej 2 pozycje naraz.", "Select at most 2 items at once.")]
    [InlineData(5, "Zaznacz najwyżej 5 pozycji naraz.", "Select at most 5 items at once.")]
    [InlineData(12, "Zaznacz najwyżej 12 pozycji naraz.", "Select at most 12 items at once.")]
    [InlineData(22, "Zaznacz najwyżej 22 pozycje naraz.", "Select at most 22 items at once.")]
    public void ACountedTextTakesTheFormOfItsNumberInTheEditorsLanguage(int count, string polish, string english)
    {
        var t = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(AdminText));
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Translations.Polish;
            Assert.Equal(polish, t.Plural("Bulk.TooMany", count).Value);
            // A key known only at run time (a form's problem) counts by its first argument.
            Assert.Equal(polish, t.Text("Bulk.TooMany", count).Value);
            Assert.Equal("Hasło musi mieć co najmniej 12 znaków.", t.Text("Accounts.PasswordTooShort", "12").Value);
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal(english, t.Plural("Bulk.TooMany", count).Value);
            // A language the admin does not speak reads English, with English plural forms.
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("uk-UA");
            Assert.Equal(english, t.Plural("Bulk.TooMany", count).Value);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    [Fact]
    public void AScriptThatCountsInThePageGetsEveryFormOfItsTextByPluralCategory()
    {
        var t = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(AdminText));
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Translations.Polish;
            var polish = t.PluralForms("Bulk.TooMany");
            Assert.Equal("Zaznacz najwyżej {0} pozycję naraz.", polish["one"]);
            Assert.Equal("Zaznacz najwyżej {0} pozycje naraz.", polish["few"]);
            Assert.Equal("Zaznacz najwyżej {0} pozycji naraz.", polish["many"]);
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            var english = t.PluralForms("Bulk.TooMany");
            Assert.Equal("Select at most {0} item at once.", english["one"]);
            // English has no "few" or "many": the "other" form stands for them.
            Assert.Equal(["Select at most {0} items at once."], english.Where(f => f.Key != "one").Select(f => f.Value).Distinct());
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    private static HashSet<string> Arguments(string text) => [.. Argument().Matches(text).Select(m => m.Value)];


    /// <summary>A localizer lookup in a page or its model: <c>T["Media.Upload"]</c>, <c>t["Media.Uploaded", …]</c>,
    /// <c>t.Plural("Bulk.TooMany", …)</c>.</summary>
    [GeneratedRegex("""\b[Tt](?:\[|\.Plural\()"([A-Za-z]+\.[A-Za-z]+)"[,\]]""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Argument();
}
