using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>WCAG 2.1 reflow (1.4.10) and resize (1.4.4): every admin page type at 320 CSS pixels wide, and at 1280
/// pixels with 200 % zoom (640 CSS pixels at a device scale of 2), reads without scrolling the page sideways, in real
/// Chromium, and passes axe at that width.</summary>
[Collection(AdministrationBrowserTestGroup.Name)]
public sealed class AdminReflowTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    /// <summary>Elements sticking out past the right edge of the page, outside a region that scrolls on its own
    /// (an element whose own overflow is auto or scroll, such as a wide table's region).</summary>
    private const string Overflowing = """
        () => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return [];
            const scrollsOnItsOwn = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
            return [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5 && !scrollsOnItsOwn(e) && getComputedStyle(e).position !== 'absolute')
                .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)');
        }
        """;

    [Fact]
    public async Task EveryAdminPageTypeReflowsAt320PixelsAndAt200PercentZoomWithoutSidewaysScrolling()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await page.SetViewportSizeAsync(320, 640);
        await page.GotoAsync("/account/login");
        await AssertReflowsAsync(page, "320 px");
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=en-GB&q=Polish-Belarusian");
        var forumId = await page.Locator("tbody tr").First.GetAttributeAsync("data-id");
        string[] pages =
        [
            "/admin", "/admin/content", "/admin/content?type=Forum&culture=en-GB&q=Polish-Belarusian",
            "/admin/content/new/Forum", $"/admin/content/edit/{forumId}", $"/admin/content/history/{forumId}",
            "/admin/content/new/Organization", "/admin/content/new/ContactPoint", "/admin/media",
            "/admin/users", "/admin/users/new", "/admin/roles", "/admin/roles/edit/Editor", "/admin/api-clients",
            "/admin/webhooks", "/admin/settings", "/admin/audit", "/admin/accessibility", "/account/password",
            "/account/two-factor", "/account/profile", $"/admin/content/{forumId}/preview", "/admin/graphql",
            // Signing out asks first when it is opened rather than posted.
            "/account/logout",
        ];
        foreach (var address in pages)
        {
            await page.GotoAsync(address);
            await AssertReflowsAsync(page, "320 px");
        }
        // A comparison of two versions, whose table holds a long value.
        await page.GotoAsync($"/admin/content/edit/{forumId}");
        await page.Locator("#f-Forum-Subtitle").FillAsync("Współpraca-transgraniczna-miast-partnerskich-bez-spacji-w-podtytule");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        await AssertReflowsAsync(page, "320 px");
        await page.GotoAsync($"/admin/content/history/{forumId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await AssertReflowsAsync(page, "320 px");

        // 1280 pixels at 200 %: the same site in a browser of its own, 640 CSS pixels wide at twice the density.
        await using var zoomed = await browser.OpenAnotherAsync(chromium, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 640, Height = 400 }, DeviceScaleFactor = 2 });
        await zoomed.SignInAsync("admin", Password, "/admin");
        await zoomed.Page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        foreach (var address in pages)
        {
            await zoomed.Page.GotoAsync(address);
            await AssertReflowsAsync(zoomed.Page, "200 %");
        }
    }

    private static async Task AssertReflowsAsync(IPage page, string how)
    {
        var overflowing = await page.EvaluateAsync<string[]>(Overflowing);
        Assert.True(overflowing.Length == 0, $"{page.Url} at {how} scrolls sideways: {string.Join(", ", overflowing)}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"{page.Url} at {how} scrolls sideways.");
        await Browser.AssertAccessibleAsync(page);
    }
}
