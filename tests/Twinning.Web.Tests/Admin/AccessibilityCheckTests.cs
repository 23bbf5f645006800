using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;
using Xunit.Sdk;

namespace Twinning.Web.Tests.Admin;

/// <summary>The axe check every admin page test relies on finds what it should: a page that breaks WCAG fails it,
/// naming each broken rule, and a page that does not passes, also when checked twice in one document.</summary>
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
