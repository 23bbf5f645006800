using Twinning.Core.Content.Shapes;


namespace Twinning.Module.Tests.ContentParts;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Zażółć gęślą jaźń", "zazolc-gesla-jazn")]
    [InlineData("Łódź", "lodz")]
    [InlineData("ŁÓDŹ I ŁOMŻA", "lodz-i-lomza")]
    [InlineData("Białystok", "bialystok")]
    [InlineData("Šiauliai ir Kėdainiai", "siauliai-ir-kedainiai")]
    public void DiacriticsAreRemovedAndLettersLowerCased(string title, string slug)
    {
        Assert.Equal(slug, Slug.From(title));
    }

    [Theory]
    [InlineData("Полацк", "полацк")]
    [InlineData("Гродна і Беласток", "гродна-і-беласток")]
    public void CyrillicLettersAreKept(string title, string slug)
    {
        Assert.Equal(slug, Slug.From(title));
    }

    [Theory]
    [InlineData("Магілёў", "магілёў")]
    [InlineData("Київ", "київ")]
    [InlineData("Йошкар-Ола", "йошкар-ола")]
    public void CyrillicLettersWithMarksAreKeptWhole(string title, string slug)
    {
        Assert.Equal(slug, Slug.From(title));
    }

    [Theory]
    [InlineData("Hello,   World!", "hello-world")]
    [InlineData("  --Forum 2024 -- Vilnius--  ", "forum-2024-vilnius")]
    [InlineData("a/b\\c?d#e", "a-b-c-d-e")]
    [InlineData("Partners' Forum (2nd)", "partners-forum-2nd")]
    public void RunsOfOtherCharactersBecomeOneHyphenBetweenWords(string title, string slug)
    {
        Assert.Equal(slug, Slug.From(title));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ---")]
    public void TitlesWithoutLettersOrDigitsGiveNoSlug(string? title)
    {
        Assert.Equal("", Slug.From(title));
    }

    [Fact]
    public void LongTitlesAreCutTo200Characters()
    {
        var slug = Slug.From(new string('a', 300));

        Assert.Equal(new string('a', 200), slug);
    }

    [Fact]
    public void ACutAtAWordBoundaryLeavesNoTrailingHyphen()
    {
        // "abcd-" repeated: the 200th character is a hyphen.
        var slug = Slug.From(string.Concat(Enumerable.Repeat("Abcd ", 100)));

        Assert.Equal(199, slug.Length);
        Assert.EndsWith("abcd", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forum")]
    [InlineData("events/2024/forum-vilnius")]
    [InlineData("a_b.c~d")]
    [InlineData("полацк/гісторыя")]
    [InlineData("v1..2")]
    public void OrdinaryRelativePathsAreValid(string path)
    {
        Assert.True(Slug.IsValidPath(path));
    }

    [Theory]
    [InlineData("/forum")]
    [InlineData("forum/")]
    [InlineData("events//forum")]
    [InlineData("..")]
    [InlineData("events/../admin")]
    [InlineData("./forum")]
    [InlineData("forum vilnius")]
    [InlineData("forum?x=1")]
    [InlineData("forum#top")]
    [InlineData("forum%20vilnius")]
    [InlineData("events\\forum")]
    [InlineData("forum:1")]
    public void PathsWithTraversalSpacesOrReservedCharactersAreInvalid(string path)
    {
        Assert.False(Slug.IsValidPath(path));
    }

    [Fact]
    public void PathsUpToTheMaximumLengthAreValidAndLongerOnesAreNot()
    {
        Assert.True(Slug.IsValidPath(new string('a', Slug.MaxLength)));
        Assert.False(Slug.IsValidPath(new string('a', Slug.MaxLength + 1)));
    }

    [Fact]
    public void SlugsMadeFromTitlesAreValidPaths()
    {
        Assert.True(Slug.IsValidPath(Slug.From("Forum Partnerstwa: Połock – Płock 2024!")));
    }
}
