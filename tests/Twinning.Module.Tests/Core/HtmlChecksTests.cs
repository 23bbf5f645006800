using System.Resources;
using Twinning.Core.Rules;
using Twinning.Module.Tests.Infrastructure;

namespace Twinning.Module.Tests.Core;

/// <summary>The accessibility checks of authored HTML (HtmlChecks): each rule finds its problem, says how to fix it,
/// and stays quiet on the accessible form of the same text.</summary>
public sealed class HtmlChecksTests
{
    private static IReadOnlyList<string> Problems(string html) => [.. HtmlChecks.Of(html).Select(f => f.Problem.English)];

    [Fact]
    public void AccessibleTextHasNoFindings()
        => Assert.Empty(HtmlChecks.Of("""
            <h3>Programme</h3><p>The forum opens with <strong>a welcome</strong>.</p><h4>Day one</h4><h3>Venue</h3>
            <p><a href="/forum.pdf">Programme of the forum (PDF)</a>, <a href="/map"><img src="map.png" alt="Map of the venue"></a></p>
            <table><tr><th>Day</th><td>Monday</td></tr></table><p><img src="line.png" alt=""></p>
            <ul><li><p><strong>Bold list item</strong></p></li></ul>
            """));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   ")]
    public void NoHtmlHasNoFindings(string? html) => Assert.Empty(HtmlChecks.Of(html));

    [Theory]
    [InlineData("<h2></h2>", 2)]
    [InlineData("<h3> &nbsp; <br></h3>", 3)]
    [InlineData("<p>Text</p><h4><strong> </strong></h4>", 4)]
    public void AnEmptyHeadingIsFound(string html, int level)
    {
        var finding = Assert.Single(HtmlChecks.Of(html));
        Assert.Equal($"A heading (level {level}) has no text.", finding.Problem.English);
        Assert.Equal("Write the heading's text, or remove the empty heading.", finding.Fix.English);
    }

    [Fact]
    public void AHeadingWithOnlyAnImageHasTheImagesText() => Assert.Empty(HtmlChecks.Of("""<h2><img src="logo.png" alt="Partner cities"></h2>"""));

    [Fact]
    public void ASkippedHeadingLevelIsFoundAfterAFirstHeadingOfAnyLevel()
    {
        var finding = Assert.Single(HtmlChecks.Of("<h3>Programme</h3><p>Text</p><h5>Evening</h5><h4>Day two</h4><h2>Venue</h2><h3>Hall</h3>"));
        Assert.Equal("The heading “Evening” is level 5, but the heading before it is level 3.", finding.Problem.English);
        Assert.Equal("Make it a level 4 heading, one level below the heading before it, so that no level seems missing.", finding.Fix.English);
    }

    [Theory]
    [InlineData("""<p><a href="https://example.org/a"></a></p>""", "https://example.org/a")]
    [InlineData("""<p><a href="/b"> <strong></strong> </a></p>""", "/b")]
    [InlineData("""<p><a href="/c"><img src="arrow.png" alt=""></a></p>""", "/c")]
    public void ALinkWithoutTextIsFound(string html, string href)
    {
        var finding = Assert.Single(HtmlChecks.Of(html));
        Assert.Equal($"A link to {href} has no text.", finding.Problem.English);
        Assert.StartsWith("Write the link's text", finding.Fix.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<a href="/a" aria-label="Programme of the forum"></a>""")]
    [InlineData("""<a href="/a"><img src="pdf.png" alt="Programme (PDF)"></a>""")]
    [InlineData("""<a id="top"></a><p>An anchor, not a link.</p>""")]
    public void ALinkNamedOtherwiseThanByTextIsNotFound(string html) => Assert.Empty(HtmlChecks.Of(html));

    [Theory]
    [InlineData("click here")]
    [InlineData("Click here.")]
    [InlineData("Kliknij  tutaj")]
    [InlineData("tutaj")]
    [InlineData("here")]
    [InlineData("Więcej…")]
    [InlineData("Read more »")]
    public void ALinkWhoseTextSaysNothingIsFound(string text)
    {
        var finding = Assert.Single(HtmlChecks.Of($"""<p>The programme is <a href="/programme.pdf">{text}</a>.</p>"""));
        Assert.Equal($"The link text “{string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries))}” does not say where the link leads.", finding.Problem.English);
        Assert.StartsWith("Replace it with words that name the target", finding.Fix.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Read more about the forum")]
    [InlineData("Kliknij tutaj, aby pobrać program")]
    public void ALinkWhoseTextSaysMoreIsNotFound(string text) => Assert.Empty(HtmlChecks.Of($"""<p><a href="/a">{text}</a></p>"""));

    [Fact]
    public void ATableWithoutHeaderCellsIsFoundByItsNumber()
    {
        var finding = Assert.Single(HtmlChecks.Of("<table><tr><th>Day</th></tr></table><table><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"));
        Assert.Equal("Table 2 has no header cells.", finding.Problem.English);
        Assert.StartsWith("Make the cells of its first row or column header cells (th)", finding.Fix.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p><strong>Registration</strong></p>", "Registration")]
    [InlineData("<p><b>Day one:</b> <strong><em>the opening</em></strong></p>", "Day one: the opening")]
    public void AParagraphAllInBoldIsFound(string html, string text)
    {
        var finding = Assert.Single(HtmlChecks.Of(html));
        Assert.Equal($"The paragraph “{text}” is all bold: it looks like a heading but is not one.", finding.Problem.English);
        Assert.StartsWith("If it is a heading, format it as a heading", finding.Fix.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p><strong>Registration</strong> closes on Friday.</p>")]
    [InlineData("<p><strong></strong></p>")]
    [InlineData("<ul><li><p><strong>A list item</strong></p></li></ul>")]
    public void AParagraphPartlyInBoldOrInAListIsNotFound(string html) => Assert.Empty(HtmlChecks.Of(html));

    [Fact]
    public void AnImageWithoutAlternativeTextIsFoundByItsFileName()
    {
        var finding = Assert.Single(HtmlChecks.Of("""<p><img src="/media/forums/2026/town-hall.jpg?width=800"> <img src="/media/line.png" alt=""></p>"""));
        Assert.Equal("The image town-hall.jpg has no alternative text.", finding.Problem.English);
        Assert.Equal("Add an alt attribute that says what the image shows, or alt=\"\" if it is only decoration.", finding.Fix.English);
    }

    [Fact]
    public void FindingsComeInTheOrderOfTheTextAndLongTextsAreCut()
    {
        var longText = string.Concat(Enumerable.Repeat("Partner cities ", 8));
        var problems = Problems($"""<h2></h2><p><a href="/a">tutaj</a></p><p><strong>{longText}</strong></p><img src="a.png">""");
        Assert.Equal(4, problems.Count);
        Assert.StartsWith("A heading", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("The link text “tutaj”", problems[1], StringComparison.Ordinal);
        Assert.Contains("“Partner cities Partner cities Partner cities Partner cities…”", problems[2], StringComparison.Ordinal);
        Assert.StartsWith("The image a.png", problems[3], StringComparison.Ordinal);
    }

    [Fact]
    public void APolishEditorReadsTheFindingsInPolish()
    {
        var polish = Translations.PolishTexts(new ResourceManager(typeof(RuleText)));
        var findings = HtmlChecks.Of("""<h2>Program</h2><h4>Dzień pierwszy</h4><p><a href="/program.pdf">kliknij tutaj</a></p>""");
        Assert.Equal(
            [
                "Nagłówek „Dzień pierwszy” ma poziom 4, a nagłówek przed nim – poziom 2.",
                "Zmień go na nagłówek poziomu 3, o jeden niższy niż poprzedni, aby żadnego poziomu nie brakowało.",
                "Tekst odnośnika „kliknij tutaj” nie mówi, dokąd odnośnik prowadzi.",
            ],
            [
                findings[0].Problem.Render(polish.GetValueOrDefault, Translations.Polish),
                findings[0].Fix.Render(polish.GetValueOrDefault, Translations.Polish),
                findings[1].Problem.Render(polish.GetValueOrDefault, Translations.Polish),
            ]);
    }
}
