using System.Globalization;
using Twinning.Core.Rules;
using Twinning.Module.Features.Admin;
using Twinning.Module.Tests.Infrastructure;

namespace Twinning.Module.Tests.Core;

/// <summary>The CLDR plural categories: English one/other; Polish one (1), few (2–4, 22–24, … but not 12–14), many
/// (the other whole numbers) and other (fractions); every other language counts as English does.</summary>
public sealed class PluralsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData(0, PluralCategory.Many)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Few)]
    [InlineData(4, PluralCategory.Few)]
    [InlineData(5, PluralCategory.Many)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(12, PluralCategory.Many)]
    [InlineData(14, PluralCategory.Many)]
    [InlineData(21, PluralCategory.Many)]
    [InlineData(22, PluralCategory.Few)]
    [InlineData(25, PluralCategory.Many)]
    [InlineData(101, PluralCategory.Many)]
    [InlineData(102, PluralCategory.Few)]
    [InlineData(112, PluralCategory.Many)]
    [InlineData(1000, PluralCategory.Many)]
    public void PolishWholeNumbers(int number, PluralCategory expected)
        => Assert.Equal(expected, Plurals.Category(Translations.Polish, number));

    [Theory]
    [InlineData("1.5")]
    [InlineData("0.5")]
    [InlineData("2.25")]
    [InlineData("1.0")]
    public void PolishFractionsAreOther(string number)
        => Assert.Equal(PluralCategory.Other, Plurals.Category(Translations.Polish, decimal.Parse(number, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0", PluralCategory.Other)]
    [InlineData("1", PluralCategory.One)]
    [InlineData("2", PluralCategory.Other)]
    [InlineData("5", PluralCategory.Other)]
    [InlineData("21", PluralCategory.Other)]
    [InlineData("101", PluralCategory.Other)]
    [InlineData("1.5", PluralCategory.Other)]
    [InlineData("1.0", PluralCategory.Other)]
    public void EnglishHasOneAndOther(string number, PluralCategory expected)
        => Assert.Equal(expected, Plurals.Category(English, decimal.Parse(number, CultureInfo.InvariantCulture)));

    /// <summary>A language with rules of its own that the admin does not speak yet counts as English does, the language
    /// its texts fall back to, not as a neighbouring language.</summary>
    [Theory]
    [InlineData("uk")]
    [InlineData("ru")]
    [InlineData("be")]
    [InlineData("")]
    public void OtherLanguagesCountAsEnglish(string culture)
    {
        var language = CultureInfo.GetCultureInfo(culture);
        Assert.Equal(PluralCategory.One, Plurals.Category(language, 1));
        Assert.Equal(PluralCategory.Other, Plurals.Category(language, 2));
        Assert.Equal(PluralCategory.Other, Plurals.Category(language, 5));
    }

    [Fact]
    public void NegativeNumbersCountByTheirSize()
    {
        Assert.Equal(PluralCategory.One, Plurals.Category(Translations.Polish, -1));
        Assert.Equal(PluralCategory.Few, Plurals.Category(Translations.Polish, -22));
    }

    [Fact]
    public void ArgumentsAreReadAsNumbers()
    {
        Assert.Equal(12m, Plurals.Number(12));
        Assert.Equal(12m, Plurals.Number(12L));
        Assert.Equal(12m, Plurals.Number("12"));
        Assert.Equal(1.5m, Plurals.Number(1.5));
        Assert.Null(Plurals.Number("twelve"));
        Assert.Null(Plurals.Number(double.NaN));
        Assert.Null(Plurals.Number(true));
        Assert.Null(Plurals.Number(null));
    }

    [Fact]
    public void AFormMissingInALanguageIsItsOtherForm()
    {
        var texts = new Dictionary<string, string> { ["Files.One"] = "{0} plik", ["Files.Other"] = "{0} pliku" };
        Assert.Equal("{0} plik", Plurals.Text(texts.GetValueOrDefault, "Files", 1, Translations.Polish));
        Assert.Equal("{0} pliku", Plurals.Text(texts.GetValueOrDefault, "Files", 5, Translations.Polish));
        Assert.Null(Plurals.Text(texts.GetValueOrDefault, "Folders", 5, Translations.Polish));
        Assert.Equal("Files", Plurals.SetOf("Files.Few"));
        Assert.Null(Plurals.SetOf("Files"));
    }

    [Theory]
    [InlineData("uk", null)]
    [InlineData("uk-UA, ru;q=0.8, be;q=0.7", null)]
    [InlineData("pl", "pl-PL")]
    [InlineData("pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7", "pl-PL")]
    [InlineData("uk, pl;q=0.5", "pl-PL")]
    [InlineData("en-GB, pl;q=0.9", "en")]
    [InlineData("de, en;q=0.3, pl;q=0.5", "pl-PL")]
    [InlineData("pl;q=0, en", "en")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void TheBrowsersLanguageIsTheFirstTheAdminSpeaks(string? acceptLanguage, string? expected)
        => Assert.Equal(expected, AdminCultures.FromBrowser(acceptLanguage)?.Name);
}
