using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;
using Xunit.Sdk;

namespace Twinning.Web.Tests.Admin;

/// <summary>The axe check every admin page test relies on finds what it should: a page that breaks WCAG, or one of axe's
/// best practices at a critical, serious or moderate impact, fails it, naming each broken rule, and a page that does not
/// passes, also when checked twice in one document.</summary>
[Collection(AdministrationBrowserTestGroup.Name)]
public sealed class AccessibilityCheckTests(Chromium chromium)
{
    private const string Address = "http://checked.test/";

    [Fact]
    public async Task APageWithoutLanguageTitleAltTextOrLabelsFailsTheCheckNamingEachRule()
    {
        var (context, page) = await OpenAsync("""<!doctype html><html><body><main><img src="photo.png"><input type="text"></main></body></html>""");

        await using var _ = context;
        var failure = await Assert.ThrowsAsync<TrueException>(() => Browser.AssertAccessibleAsync(page));

        Assert.Contains("html-has-lang", failure.Message);
        Assert.Contains("document-title", failure.Message);
        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("label", failure.Message);
        Assert.Contains("<img src=\"photo.png\">", failure.Message);
    }

    [Fact]
    public async Task APageBreakingAModerateBestPracticeFailsTheCheck()
    {
        // A heading level skipped and text outside every landmark: WCAG itself asks for neither, but the admin's bar is
        // "no critical, serious or moderate violation" of axe's rules, and both are moderate.
        var (context, page) = await OpenAsync("""
            <!doctype html><html lang="pl"><head><title>Fora</title></head>
            <body><p>Poza obszarami strony</p><main><h1>Fora</h1><h4>Gdańsk</h4></main></body></html>
            """);

        await using var _ = context;
        var failure = await Assert.ThrowsAsync<TrueException>(() => Browser.AssertAccessibleAsync(page));
        Assert.Contains("heading-order (moderate)", failure.Message);
        Assert.Contains("region (moderate)", failure.Message);
    }

    [Fact]
    public async Task AnAccessiblePagePassesTheCheckEvenTwice()
    {
        var (context, page) = await OpenAsync("""
            <!doctype html><html lang="pl"><head><title>Fora</title></head>
            <body><main><h1>Fora</h1><img src="photo.png" alt="Ratusz w Gdańsku"><label for="q">Szukaj</label><input id="q" type="search"></main></body></html>
            """);

        await using var _ = context;
        await Browser.AssertAccessibleAsync(page);
        await Browser.AssertAccessibleAsync(page);
    }

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string html)
    {
        var context = await chromium.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/*", route => route.Request.Url == Address
            ? route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = html })
            : route.FulfillAsync(new() { Status = 404 }));
        await page.GotoAsync(Address);
        return (context, page);
    }
}
