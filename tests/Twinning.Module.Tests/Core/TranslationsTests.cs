using Twinning.Core.Content.Localization;
using Twinning.Core.Content.Shapes;

namespace Twinning.Module.Tests.Core;

/// <summary>The translation matrix and the outdated rule: a translation is outdated when its set's source (the item in
/// the site's default culture) was saved after it.</summary>
public sealed class TranslationsTests
{
    private static readonly DateTime Morning = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string[] SiteCultures = ["pl-PL", "en-GB", "uk-UA"];

    [Fact]
    public void ATranslationSavedBeforeItsSourceWasLastSavedIsOutdated()
    {
        Assert.True(Translations.IsOutdated(sourceModifiedUtc: Morning.AddMinutes(1), translationModifiedUtc: Morning));
    }

    [Fact]
    public void ATranslationSavedAtTheSameTimeAsItsSourceOrLaterIsCurrent()
    {
        Assert.False(Translations.IsOutdated(Morning, Morning));
        Assert.False(Translations.IsOutdated(Morning, Morning.AddTicks(1)));
    }

    [Fact]
    public void WithoutBothTimesNothingIsOutdated()
    {
        Assert.False(Translations.IsOutdated(null, Morning));
        Assert.False(Translations.IsOutdated(Morning, null));
    }

    [Fact]
    public void TheMatrixShowsEachSiteCultureWithItsStateAndMarksOlderTranslationsOfTheDefaultCulturesItem()
    {
        var source = new SetMember("pl", "pl-PL", Published: true, Morning.AddHours(2), "Forum");
        var english = new SetMember("en", "en-GB", Published: false, Morning.AddHours(1), "Forum (en)");

        var matrix = Translations.Matrix(SiteCultures, [english, source], defaultCulture: "pl-PL");

        Assert.Equal(["pl-PL", "en-GB", "uk-UA"], matrix.Select(c => c.Culture));
        Assert.Equal([TranslationState.Published, TranslationState.Draft, TranslationState.Missing], matrix.Select(c => c.State));
        Assert.True(matrix[0].IsSource);
        Assert.False(matrix[0].Outdated);
        Assert.True(matrix[1].Outdated);
        Assert.False(matrix[2].Outdated);
    }

    [Fact]
    public void ASetWithoutAnItemInTheDefaultCultureHasNoSourceAndNothingOutdated()
    {
        var english = new SetMember("en", "en-GB", Published: true, Morning, "Forum");
        var ukrainian = new SetMember("uk", "uk-UA", Published: true, Morning.AddDays(-1), "Форум");

        var matrix = Translations.Matrix(SiteCultures, [english, ukrainian], defaultCulture: "pl-PL");

        Assert.All(matrix, c => Assert.False(c.Outdated));
        Assert.All(matrix, c => Assert.False(c.IsSource));
    }

    [Fact]
    public void ACultureTheSiteNoLongerListsIsStillShown()
    {
        var source = new SetMember("pl", "pl-PL", Published: true, Morning, "Forum");
        var lithuanian = new SetMember("lt", "lt-LT", Published: true, Morning.AddDays(-1), "Forumas");

        var matrix = Translations.Matrix(["pl-PL", "en-GB"], [source, lithuanian], "pl-PL");

        Assert.Equal(["pl-PL", "en-GB", "lt-LT"], matrix.Select(c => c.Culture));
        Assert.True(matrix[2].Outdated);
    }

    [Theory]
    [InlineData("forum-gdansk-2017", "pl-PL", "en-GB", "en-gb/forum-gdansk-2017")]
    [InlineData("en-gb/forum-gdansk-2017", "en-GB", "uk-UA", "uk-ua/forum-gdansk-2017")]
    [InlineData("pl-pl-forum", "pl-PL", "en-GB", "en-gb/pl-pl-forum")]
    public void ATranslationsAddressIsTheSourcesUnderItsCulture(string path, string from, string to, string expected)
    {
        Assert.Equal(expected, Slug.InCulture(path, from, to));
        Assert.True(Slug.IsValidPath(expected));
    }
}
