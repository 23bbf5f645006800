using System.Globalization;
using Twinning.Core.Content.Localization;

namespace Twinning.Module.Tests.Core;

/// <summary>The look-up of dynamic texts (display names, hints, options) in the reader's language, falling back to a
/// parent culture and then to the definitions' own text.</summary>
public sealed class DataTranslationsTests
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly string Day = DataTranslations.FieldContext("OpeningHoursRule", "Day");

    private static readonly DataTranslations Table = new(
    [
        new("pl-PL", DataTranslations.ContentTypesContext, "Partner City", "Miasto partnerskie"),
        new("pl", DataTranslations.ContentTypesContext, "Contact Point", "Punkt kontaktowy"),
        new("pl-PL", Day, "Wednesday", "Środa"),
        new("pl-PL", DataTranslations.ContentTypesContext, "Forum", ""),
    ]);

    [Fact]
    public void ATextReadsInTheReadersCulture()
    {
        Assert.Equal("Miasto partnerskie", Table.Get(Polish, DataTranslations.ContentTypesContext, "Partner City"));
        Assert.Equal("Środa", Table.Get(Polish, Day, "Wednesday"));
    }

    [Fact]
    public void ACultureWithoutItsOwnTranslationTakesItsParentLanguages()
    {
        Assert.Equal("Punkt kontaktowy", Table.Get(Polish, DataTranslations.ContentTypesContext, "Contact Point"));
    }

    [Fact]
    public void CultureContextAndKeyAreComparedIgnoringCase()
    {
        Assert.Equal("Środa", Table.Get(Polish, Day.ToUpperInvariant(), "wednesday"));
        Assert.Equal("Środa", new DataTranslations([new("PL-pl", Day, "Wednesday", "Środa")]).Get(Polish, Day, "Wednesday"));
    }

    [Theory]
    [InlineData("Partner City", "en")] // no English translation
    [InlineData("Forum", "pl-PL")] // an empty translation is none
    [InlineData("Panel", "pl-PL")] // not translated at all
    public void AnUntranslatedTextStaysAsTheDefinitionsWriteIt(string text, string culture)
    {
        Assert.Equal(text, Table.Get(CultureInfo.GetCultureInfo(culture), DataTranslations.ContentTypesContext, text));
    }

    [Fact]
    public void TheSameTextInAnotherContextIsAnotherText()
    {
        Assert.Equal("Wednesday", Table.Get(Polish, DataTranslations.ContentTypesContext, "Wednesday"));
    }

    [Fact]
    public void ALaterEntryForTheSameTextReplacesAnEarlierOne()
    {
        var table = new DataTranslations([new("pl-PL", "C", "Panel", "Panel"), new("pl-PL", "c", "panel", "Panel dyskusyjny")]);

        Assert.Equal("Panel dyskusyjny", table.Get(Polish, "C", "Panel"));
        Assert.Equal("x", DataTranslations.None.Get(English, "C", "x"));
    }
}
