using Twinning.Core.Content;

namespace Twinning.Module.Tests.ContentFields;

/// <summary>The alternative text rule itself (<see cref="MediaAltText"/>): what an image's text must be, and what a
/// decorative mark means.</summary>
public sealed class MediaAltTextRuleTests
{
    private static IReadOnlyList<(string Member, string Key)> Check(string[] paths, string?[] texts, bool[]? decorative = null)
        => [.. MediaAltText.Check(paths, texts, decorative ?? []).Select(p => (p.Member, p.Key))];

    [Fact]
    public void AnImageWithADescriptionPasses()
        => Assert.Empty(Check(["a/rynek.jpg"], ["Rynek nocą, ratusz oświetlony"]));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void AnImageWithoutTextIsRefused(string? text)
        => Assert.Equal([("MediaTexts[0]", "Media.AltRequired")], Check(["a/rynek.jpg"], [text]));

    [Fact]
    public void AMissingTextCountsAsEmpty()
        => Assert.Equal([("MediaTexts[1]", "Media.AltRequired")], Check(["a/one.png", "a/two.webp"], ["Herb miasta"]));

    [Theory]
    [InlineData("rynek.jpg")]
    [InlineData("RYNEK")]
    public void TheFileNameIsNoAlternativeText(string text)
        => Assert.Equal([("MediaTexts[0]", "Media.AltIsFileName")], Check(["a/rynek.jpg"], [text]));

    [Theory]
    [InlineData("image")]
    [InlineData("Zdjęcie.")]
    [InlineData("grafika")]
    public void AWordThatOnlySaysImageIsNoAlternativeText(string text)
        => Assert.Equal([("MediaTexts[0]", "Media.AltIsGeneric")], Check(["a/rynek.jpg"], [text]));

    [Fact]
    public void ADecorativeImageHasNoText()
    {
        Assert.Empty(Check(["a/ornament.svg"], [""], [true]));
        Assert.Equal([("MediaTexts[0]", "Media.DecorativeWithText")], Check(["a/ornament.svg"], ["Ornament"], [true]));
    }

    [Fact]
    public void FilesThatAreNotImagesNeedNoText()
        => Assert.Empty(Check(["docs/plan.pdf", "docs/film.mp4"], ["", null]));
}
