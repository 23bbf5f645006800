using Twinning.Core.Municipal;


namespace Twinning.Module.Tests.Municipal;

public sealed class HtmlTextTests
{
    [Fact]
    public void ParagraphsBecomeSeparatedLinesAndInlineMarkupIsDropped()
        => Assert.Equal(
            "W ramach projektu „Dyplomacji miast” odbędzie się Forum.\n\nDrugi akapit & więcej.",
            HtmlText.ToPlainText("<p><strong>W ramach projektu „Dyplomacji miast”</strong> odbędzie\n  się <a href=\"/x\">Forum</a>.</p><p>Drugi akapit &amp; więcej.</p>"));

    [Fact]
    public void ListItemsStartLinesOfTheirOwnAndLineBreaksStartNewLines()
        => Assert.Equal("Uczestnicy:\n\n- Gdańsk\n- Sopot\n\nKoniec\nlinii", HtmlText.ToPlainText("<p>Uczestnicy:</p><ul><li>Gdańsk</li><li>Sopot</li></ul><p>Koniec<br>linii</p>"));

    [Fact]
    public void ScriptsAndStylesAreNotText()
        => Assert.Equal("Tekst", HtmlText.ToPlainText("<script>alert(1)</script><style>p{}</style><p>Tekst</p>"));

    [Fact]
    public void NoHtmlGivesNoText()
        => Assert.Equal("", HtmlText.ToPlainText(null));
}
