using Twinning.Module.Features.Validation;

namespace Twinning.Module.Tests.Validation;

public sealed class HtmlNestingTests
{
    private static string Nested(string tag, int depth, string inner = "x")
        => string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + inner + string.Concat(Enumerable.Repeat($"</{tag}>", depth));

    [Fact]
    public void NestingAtTheLimitPassesAndOneLevelMoreDoesNot()
    {
        Assert.False(HtmlNesting.IsDeeperThan(Nested("div", 128), 128));
        Assert.True(HtmlNesting.IsDeeperThan(Nested("div", 129), 128));
    }

    [Fact]
    public void SiblingsDoNotAddDepth()
        => Assert.False(HtmlNesting.IsDeeperThan(string.Concat(Enumerable.Repeat("<p><strong>a</strong> <em>b</em></p><ul><li>c</li></ul>", 10_000)), 128));

    [Theory]
    [InlineData("<li>a")]
    [InlineData("<p>a")]
    [InlineData("<tr><td>a<td>b")]
    [InlineData("<dt>a<dd>b")]
    [InlineData("<option>a")]
    [InlineData("a<br>b<img src=x><hr/>")]
    [InlineData("<!-- <div> --><script>'<div>'</script><style>div{}</style>")]
    public void ElementsTheParserClosesByThemselvesDoNotAddDepth(string repeated)
        => Assert.False(HtmlNesting.IsDeeperThan("<ul><table>" + string.Concat(Enumerable.Repeat(repeated, 1_000)), 128));

    [Theory]
    [InlineData("<div/>")]
    [InlineData("<b>")]
    [InlineData("<span title='a>b'>")]
    [InlineData("<DIV class=\"x\">")]
    [InlineData("<custom-element>")]
    public void UnclosedElementsCountEvenWhenTheyLookClosed(string repeated)
        => Assert.True(HtmlNesting.IsDeeperThan(string.Concat(Enumerable.Repeat(repeated, 1_000)), 128));

    [Fact]
    public void AnEndTagClosesWhatItContains()
        => Assert.False(HtmlNesting.IsDeeperThan(string.Concat(Enumerable.Repeat("<div><span><b>x</div>", 1_000)), 128));

    [Fact]
    public void OneHundredThousandNestedDivsAreFoundAtOnce()
    {
        var html = Nested("div", 100_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.True(HtmlNesting.IsDeeperThan(html, 128));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed}");
    }
}
