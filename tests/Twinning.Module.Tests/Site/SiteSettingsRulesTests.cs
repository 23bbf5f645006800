using Twinning.Module.Features.Site;

namespace Twinning.Module.Tests.Site;

public sealed class SiteSettingsRulesTests
{
    [Theory]
    [InlineData("pl-PL", "pl-PL")]
    [InlineData("en-gb", "en-GB")]
    [InlineData(" uk-UA ", "uk-UA")]
    [InlineData("be", "be")]
    public void AKnownCultureIsSpelledAsDotNetSpellsIt(string given, string expected) => Assert.Equal(expected, SiteSettingsRules.CultureName(given));

    [Theory]
    [InlineData("xx-Nowhere")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    [InlineData("pl_PL!")]
    public void AnUnknownCultureIsRefused(string? given) => Assert.Null(SiteSettingsRules.CultureName(given));

    [Theory]
    [InlineData("Europe/Warsaw", true)]
    [InlineData("Europe/Vilnius", true)]
    [InlineData("Europe/Gdansk", false)]
    [InlineData("CET+1", false)]
    [InlineData(null, false)]
    public void OnlyIanaZonesAreTimeZones(string? id, bool expected) => Assert.Equal(expected, SiteSettingsRules.IsTimeZone(id));

    [Fact]
    public void TheDefaultCultureIsAddedFirstWhenItIsNotSupported()
    {
        Assert.Equal(["en-GB", "pl-PL"], SiteSettingsRules.Localization("en-GB", ["pl-PL"]).SupportedCultures);
        Assert.Equal(["pl-PL", "en-GB"], SiteSettingsRules.Localization("en-GB", ["pl-PL", "en-GB"]).SupportedCultures);
    }

    [Theory]
    [InlineData("https://www.example.org/preview/{id}?culture={culture}", true)]
    [InlineData("ftp://www.example.org/{id}", false)]
    [InlineData("https://www.example.org/{draft}", false)]
    public void APreviewAddressIsAnAbsoluteHttpAddressWithKnownPlaceholders(string pattern, bool valid)
        => Assert.Equal(valid, SiteSettingsRules.PreviewUrlProblem(pattern) is null);
}
