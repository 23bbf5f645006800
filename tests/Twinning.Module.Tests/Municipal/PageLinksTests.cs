using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Municipal;

namespace Twinning.Module.Tests.Municipal;

/// <summary>Where page links point: a content type's front-end pattern, or its path under the site's address.</summary>
public sealed class PageLinksTests
{
    private const string Base = "https://twinning.gdansk.pl";

    private static readonly PageLinks Links = new(Base, new Dictionary<string, string>
    {
        ["Forum"] = "https://www.gdansk.pl/{culture}/fora/{path}",
        ["PartnerCity"] = "https://www.gdansk.pl/miasta-partnerskie/{path}?id={id}",
    });

    private static ContentItem Item(string type, string? path, string? culture = null, string id = "4city000000000000000000000")
    {
        var item = new ContentItem { ContentItemId = id, ContentItemVersionId = id + "v", ContentType = type };
        if (path is not null)
        {
            item.Data["AutoroutePart"] = new JsonObject { ["Path"] = path };
        }
        if (culture is not null)
        {
            item.Data["LocalizationPart"] = new JsonObject { ["Culture"] = culture };
        }
        return item;
    }

    [Fact]
    public void ATypeWithAPatternLinksToTheFrontEndWithEveryPlaceholderFilledIn()
    {
        Assert.Equal("https://www.gdansk.pl/pl-PL/fora/forum-2017", Links.PageUrl(Item("Forum", "forum-2017", "pl-PL")));
        Assert.Equal("https://www.gdansk.pl/miasta-partnerskie/polock?id=4city000000000000000000000", Links.PageUrl(Item("PartnerCity", "/polock")));
    }

    [Fact]
    public void ATypeWithoutAPatternLinksToItsPathUnderTheSiteAddress()
    {
        Assert.Equal("https://twinning.gdansk.pl/prezydent-miasta-gdanska", Links.PageUrl(Item("Person", "prezydent-miasta-gdanska")));
        Assert.Equal("https://twinning.gdansk.pl/polock", new PageLinks(Base).PageUrl(Item("PartnerCity", "/polock")));
    }

    [Fact]
    public void EachPathSegmentIsEscapedButItsSlashesAreKept()
    {
        var item = Item("PartnerCity", "miasta/łódź i okolice?x=1#top");

        Assert.Equal("https://www.gdansk.pl/miasta-partnerskie/miasta/%C5%82%C3%B3d%C5%BA%20i%20okolice%3Fx%3D1%23top?id=4city000000000000000000000",
            Links.PageUrl(item));
        Assert.Equal("https://twinning.gdansk.pl/miasta/%C5%82%C3%B3d%C5%BA%20i%20okolice%3Fx%3D1%23top", new PageLinks(Base).PageUrl(item));
    }

    [Fact]
    public void AnItemWithoutWhatItsLinkNeedsHasNoLink()
    {
        Assert.Null(Links.PageUrl(Item("PartnerCity", path: null)));
        Assert.Null(Links.PageUrl(Item("PartnerCity", path: "  ")));
        Assert.Null(new PageLinks(Base).PageUrl(Item("Person", path: null)));
        Assert.Null(Links.PageUrl(Item("Forum", "forum-2017", culture: null)));
    }

    [Fact]
    public void APatternWithOnlyTheIdNeedsNoPath()
    {
        var links = new PageLinks(Base, new Dictionary<string, string> { ["Organization"] = "https://www.gdansk.pl/o/{id}" });

        Assert.Equal("https://www.gdansk.pl/o/4org", links.PageUrl(Item("Organization", path: null, id: "4org")));
    }

    [Theory]
    [InlineData("https://www.gdansk.pl/miasta-partnerskie/{path}")]
    [InlineData("http://{culture}.gdansk.pl/{id}")]
    [InlineData("https://www.gdansk.pl/strona")]
    public void UsablePatternsHaveNoProblem(string pattern) => Assert.Null(PageLinks.Problem(pattern));

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("/miasta-partnerskie/{path}", "not an absolute http or https address")]
    [InlineData("ftp://www.gdansk.pl/{path}", "not an absolute http or https address")]
    [InlineData("https://www.gdansk.pl/{slug}", "unknown placeholder {slug}")]
    [InlineData("https://www.gdansk.pl/{path", "not an absolute http or https address")]
    public void UnusablePatternsSayWhy(string pattern, string problem)
        => Assert.Contains(problem, PageLinks.Problem(pattern), StringComparison.Ordinal);
}
