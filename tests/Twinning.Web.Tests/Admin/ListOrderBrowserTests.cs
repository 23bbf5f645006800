using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>A forum's panels put in a new order from the forum's editor with the keyboard, and without scripts: the
/// page says where the panel went, and the site serves the new order at once.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ListOrderBrowserTests(Chromium chromium)
{
    private const string Panels = "query ($id: ID) { forum(where: { contentItemId: $id }) { list { contentItems { displayText } } } }";

    private static async Task<IReadOnlyList<string>> PublishedPanelsAsync(TwinningApplication app, string forumId)
        => (await app.DataAsync(Panels, new JsonObject { ["id"] = forumId }))["forum"]![0]!["list"]!["contentItems"].Strings("displayText");

    [Fact]
    public async Task AForumsSecondPanelMovesUpWithTheKeyboardAndTheSiteServesTheNewOrderAtOnce()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=pl-PL&q=Polsko");
        await page.GetByRole(AriaRole.Link, new() { Name = "Polsko-Białoruskie Forum Miast Partnerskich" }).ClickAsync();
        var forumId = IdFromUrl(page);
        string[] before = ["Panel samorządowy", "Panel gospodarczy", "Panel obywatelski przedstawicieli organizacji pozarządowych"];
        // Read once before the move, so that a cached answer would be served after it.
        Assert.Equal(before, await PublishedPanelsAsync(app, forumId));
        var panels = page.Locator("ol.children > li > a");
        var list = page.Locator(".field", new() { Has = page.Locator("ol.children") });

        // From the panel's link, Tab reaches its Move up button; Enter moves it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Panel gospodarczy" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move up: Panel gospodarczy" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(list.GetByRole(AriaRole.Status)).ToHaveTextAsync("Moved “Panel gospodarczy” to position 1 of 3.");
        string[] after = ["Panel gospodarczy", "Panel samorządowy", "Panel obywatelski przedstawicieli organizacji pozarządowych"];
        await Assertions.Expect(panels).ToHaveTextAsync(after);
        // First now, it has no Move up: the focus is on its Move down, ready for the next move.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move down: Panel gospodarczy" })).ToBeFocusedAsync();
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "forum-panels-moved", list);
        Assert.Equal(after, await PublishedPanelsAsync(app, forumId));

        // Without scripts, the buttons are plain form posts, and the page in Polish says it in Polish.
        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        var plain = withoutScripts.Page;
        await withoutScripts.SignInAsync("admin", Password, "/admin/content/edit/" + forumId);
        await plain.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await plain.GetByRole(AriaRole.Button, new() { Name = "Przenieś niżej: Panel gospodarczy" }).ClickAsync();
        await Assertions.Expect(plain.Locator(".field", new() { Has = plain.Locator("ol.children") }).GetByRole(AriaRole.Status))
            .ToHaveTextAsync("Przeniesiono „Panel gospodarczy” na pozycję 2 z 3.");
        await Assertions.Expect(plain.Locator("ol.children > li > a")).ToHaveTextAsync(before);
        await browser.AssertAccessibleWithoutScriptsAsync(plain);
        Assert.Equal(before, await PublishedPanelsAsync(app, forumId));
    }
}
