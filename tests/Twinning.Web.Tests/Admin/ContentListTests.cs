using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The content list at /admin/content over the municipal recipe's items, in a real browser, checked with axe.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ContentListTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    private static ILocatorAssertions ExpectHeading(IPage page)
        => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }));

    private static ILocator Row(IPage page, string title) => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    [Fact]
    public async Task AnEditorFindsItemsByTypeTextStatusAndLanguageAndPagesThroughAllOfThem()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content");

        await ExpectHeading(page).ToHaveTextAsync("Content");
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Content", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        // 37 items of the recipe, 20 a page.
        await Assertions.Expect(page.Locator("#list-total")).ToHaveTextAsync("Items 1–20 of 37");
        await Browser.AssertAccessibleAsync(page);
        var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Page 1", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        var firstPage = await page.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        await pages.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page.Locator("#list-total")).ToHaveTextAsync("Items 21–37 of 37");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(17);
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Page 2", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        // The last page is read from the list's end; back at the first, the same rows in the same order.
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Last page" })).ToHaveCountAsync(0);
        await pages.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/admin/content$"));
        Assert.Equal(firstPage, await page.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)"));
        await pages.GetByRole(AriaRole.Link, new() { Name = "Last page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/admin/content\?p=2$"));
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(17);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Content types" }).GetByRole(AriaRole.Link, new() { Name = "Forum", Exact = true }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Content: Forum");
        await Assertions.Expect(page.Locator("#list-total")).ToHaveTextAsync("Items 1–6 of 6");
        await page.GetByLabel("Search in titles", new() { Exact = true }).FillAsync("partner");
        await page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync("en-GB");
        await page.GetByLabel("Sort by", new() { Exact = true }).SelectOptionAsync("title-asc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        // The filter state is the address: it can be bookmarked and opened again.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/admin/content\?type=Forum&q=partner&status=&culture=en-GB&missing=&owner=&term=&city=&from=&to=&sort=title-asc$"));
        await Assertions.Expect(page.Locator("tbody tr td:nth-child(2)")).ToHaveTextAsync(["Multilingual world – common language of partnership", "Polish-Belarusian Forum of Partner Cities", "Visits of the Belarusian guests to their partner cities"]);
        var address = page.Url;
        await page.GotoAsync("/admin/content");
        await page.GotoAsync(address);
        await Assertions.Expect(page.Locator("#list-total")).ToHaveTextAsync("Items 1–3 of 3");
        await Assertions.Expect(page.GetByLabel("Search in titles", new() { Exact = true })).ToHaveValueAsync("partner");
        await Assertions.Expect(page.GetByLabel("Language", new() { Exact = true })).ToHaveValueAsync("en-GB");
        await Browser.ScreenshotAsync(page, "content-list");

        // Polish: the same list, its texts translated, and axe-clean.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Treści: Forum");
        await Assertions.Expect(page.Locator("#list-total")).ToHaveTextAsync("Pozycje 1–3 z 3");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "content-list");
        await page.GotoAsync("/admin/content?p=2");
        var strony = page.GetByRole(AriaRole.Navigation, new() { Name = "Strony" });
        await Assertions.Expect(strony.GetByRole(AriaRole.Link, new() { Name = "Strona 2", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(strony.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Pierwsza strona", "Poprzednia strona", "1", "2"]);
        await Browser.AssertAccessibleAsync(page);

        // The search ignores case beyond ASCII too (SQLite's own lower() folds ASCII only): Ł finds ł.
        await page.GotoAsync("/admin/content?q=" + Uri.EscapeDataString("BIAŁORUSKIE FORUM"));
        await Assertions.Expect(page.Locator("tbody tr td:nth-child(2)")).ToHaveTextAsync(["Polsko-Białoruskie Forum Miast Partnerskich"]);
    }

    [Fact]
    public async Task AnEditorNarrowsTheListByOwnerTermPartnerCityAndDayOfChange()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var adminId = (await app.InScopeAsync(s => s.GetRequiredService<UserService>().FindAsync("admin")))!.Id;
        var forums = await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.ListAsync("Forum", VersionOptions.Latest));
        var mine = forums.First(f => f.DisplayText == "Multilingual world – common language of partnership");
        mine.Owner = adminId;
        Assert.True((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(mine, publish: true, "admin"))).Succeeded);
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum");
        var titles = page.Locator("tbody tr td:nth-child(2)");

        // A partner city by part of its name, in any case: the forums that name Połock (and Nowopołock).
        await page.GetByLabel("Partner city", new() { Exact = true }).FillAsync("POŁOCK");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]city=PO%C5%81OCK(&|$)"));
        await Assertions.Expect(titles).ToHaveTextAsync(["Polsko-Białoruskie Forum Miast Partnerskich", "Wizyty gości z Białorusi w miastach partnerskich"], new() { UseInnerText = true });
        await page.GotoAsync("/admin/content?type=Forum&city=Minsk");
        await Assertions.Expect(page.Locator("#filter-city-error")).ToHaveTextAsync("No partner city’s name contains “Minsk”.");
        await Assertions.Expect(page.Locator("#list-total")).ToHaveTextAsync("No items match.");

        // A taxonomy term, chosen under its taxonomy: the panels of both languages on the local-government track.
        await page.GotoAsync("/admin/content?type=Panel&sort=title-asc");
        await page.GetByLabel("Taxonomy term", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Panel samorządowy" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(titles).ToHaveTextAsync(["Local-government panel", "Panel samorządowy"]);

        // The owner: the administrator's own item, chosen as "Me".
        await page.GotoAsync("/admin/content");
        await page.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Me (admin)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(titles).ToHaveTextAsync(["Multilingual world – common language of partnership"]);

        // The day of the last change, in the site's time zone: the sample forums changed in 2017, then a day that is
        // not a date, said beside its box, and the list left unfiltered by it.
        await page.GotoAsync("/admin/content?type=Forum&from=2017-01-01&to=2017-12-31");
        await Assertions.Expect(page.Locator("#list-total")).Not.ToHaveTextAsync("No items match.");
        foreach (var changed in await page.Locator("tbody tr td:nth-child(6)").AllInnerTextsAsync())
        {
            Assert.Contains("2017", changed, StringComparison.Ordinal);
        }
        await page.GotoAsync("/admin/content?type=Forum&from=2017-02-30");
        await Assertions.Expect(page.Locator("#filter-from-error")).ToHaveTextAsync("“2017-02-30” is not a day between the years 1900 and 9998: write it as 2027-04-27.");
        await Assertions.Expect(page.GetByLabel("Changed from", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#list-total")).ToHaveTextAsync("Items 1–6 of 6");
        await Browser.AssertAccessibleAsync(page);

        // In Polish, the same filters and messages.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.Locator("#filter-from-error")).ToHaveTextAsync("„2017-02-30” nie jest datą z lat 1900–9998: wpisz ją jak 2027-04-27.");
        await Assertions.Expect(page.GetByLabel("Miasto partnerskie", new() { Exact = true })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task PublishUnpublishAndDeleteFromTheListGoThroughThePermissionChecks()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=en-GB");
        const string title = "Polish-Belarusian Forum of Partner Cities";
        var id = await Row(page, title).GetAttributeAsync("data-id");
        // A row's own button acts on its item alone, whatever other rows are ticked for a bulk action.
        const string ticked = "Multilingual world – common language of partnership";
        await Row(page, ticked).GetByRole(AriaRole.Checkbox).CheckAsync();

        await Row(page, title).GetByRole(AriaRole.Button, new() { Name = "Unpublish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Unpublished “{title}”.");
        await Assertions.Expect(Row(page, ticked)).ToContainTextAsync("Published");
        // The list stays as it was filtered.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"type=Forum&culture=en-GB$"));
        await Assertions.Expect(Row(page, title)).ToContainTextAsync("Draft");
        await Browser.AssertAccessibleAsync(page);
        Assert.Null(await Published(app, id!));

        await Row(page, title).GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Published “{title}”.");
        Assert.NotNull(await Published(app, id!));

        // Delete asks once, in the page (no browser dialog on top of it); an item nothing uses names no other items.
        string? dialog = null;
        page.Dialog += (_, asked) =>
        {
            dialog = asked.Message;
            _ = asked.DismissAsync();
        };
        await Row(page, title).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var question = page.Locator("section.confirm-delete");
        await Assertions.Expect(question).ToBeFocusedAsync();
        await Assertions.Expect(question.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"Delete “{title}”?");
        await Assertions.Expect(question.Locator("ul")).ToHaveCountAsync(0);
        Assert.NotNull(await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(id!)));
        await Browser.AssertAccessibleAsync(page);
        await question.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Deleted “{title}”.");
        Assert.Null(dialog);
        await Assertions.Expect(Row(page, title)).ToHaveCountAsync(0);
        Assert.Null(await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(id!)));

        // An Author may edit but not publish: the list refuses, and nothing changes.
        await app.DefineRoleAsync("Writer", "EditContent", "ViewContent", "PreviewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("autor", null, Password, ["Writer"])));
        await using var author = await browser.OpenAnotherAsync(chromium);
        await author.SignInAsync("autor", Password, "/admin/content?type=Forum");
        const string other = "Multilingual world – common language of partnership";
        var response = await author.Page.RunAndWaitForResponseAsync(
            () => Row(author.Page, other).GetByRole(AriaRole.Button, new() { Name = "Unpublish" }).ClickAsync(), Browser.IsFormPost);
        Assert.Equal(403, response.Status);
        await Assertions.Expect(author.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("PublishContent");
    }

    [Fact]
    public async Task BulkActionsGoItemByItemThroughThePermissionChecksAndReportWhatWasRefusedAndWhy()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var ids = await EnglishForumIdsAsync(browser);

        // With the keyboard alone: tick every row of the page, then unpublish them.
        await page.GetByLabel("Select all on this page").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("tbody input[type=checkbox]:checked")).ToHaveCountAsync(ids.Length);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unpublish selected" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var results = page.Locator(".bulk-results");
        await Assertions.Expect(results).ToBeFocusedAsync();
        await Assertions.Expect(results.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Done: {ids.Length}. Refused: 0.");
        await Assertions.Expect(results.Locator("li")).ToHaveCountAsync(ids.Length);
        await Assertions.Expect(results.Locator("li").First).ToHaveTextAsync(new Regex("^Unpublished “"));
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "bulk-results");
        foreach (var id in ids)
        {
            Assert.Null(await Published(app, id));
        }

        // Nothing ticked: said so, nothing done.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish selected", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Select at least one item first.");

        // An author who may publish only their own items: one of theirs and someone else's, in Polish.
        await app.DefineRoleAsync("Writer", "EditContent", "ViewContent", "PreviewContent", "PublishOwnContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("autor", null, Password, ["Writer"])));
        var authorId = (await app.InScopeAsync(s => s.GetRequiredService<UserService>().FindAsync("autor")))!.Id;
        var own = (await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(ids[0])))!;
        own.Owner = authorId;
        Assert.True((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(own, publish: false, "admin"))).Succeeded);
        await using var author = await browser.OpenAnotherAsync(chromium);
        await author.SignInAsync("autor", Password, "/admin/content?type=Forum&culture=en-GB");
        await author.Page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        var ownTitle = own.DisplayText!;
        var otherTitle = (await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(ids[1])))!.DisplayText!;
        await author.Page.GetByLabel($"Zaznacz „{ownTitle}”").CheckAsync();
        await author.Page.GetByLabel($"Zaznacz „{otherTitle}”").CheckAsync();
        await author.Page.GetByRole(AriaRole.Button, new() { Name = "Opublikuj zaznaczone", Exact = true }).ClickAsync();
        var report = author.Page.Locator(".bulk-results");
        await Assertions.Expect(report.GetByRole(AriaRole.Status)).ToHaveTextAsync("Wykonano: 1. Odmówiono: 1.");
        await Assertions.Expect(report.Locator("li.bulk-done")).ToHaveTextAsync($"Opublikowano „{ownTitle}”.");
        await Assertions.Expect(report.Locator("li.bulk-refused")).ToHaveTextAsync($"Pozycji „{otherTitle}” nie zmieniono: Twoja rola nie pozwala na to (brak uprawnienia PublishContent).");
        await Browser.AssertAccessibleAsync(author.Page);
        await Browser.ScreenshotAsync(author.Page, "bulk-results");
        Assert.NotNull(await Published(app, ids[0]));
        Assert.Null(await Published(app, ids[1]));
    }

    [Fact]
    public async Task BulkPublishHoldsEachDraftToTodaysRulesAndNamesTheItemAndTheRuleItBreaks()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var ids = await EnglishForumIdsAsync(browser);
        var (broken, sound) = (ids[0], ids[1]);
        foreach (var id in new[] { broken, sound })
        {
            Assert.NotNull(await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(id, "admin")));
        }
        // A draft saved under older rules: an edition number below today's minimum of 1, written straight to the store.
        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TwinningDbContext>();
            var latest = await db.ContentItemVersions.SingleAsync(v => v.ContentItemId == broken && v.Latest);
            var json = JsonNode.Parse(latest.Content)!.AsObject();
            json["Forum"]!["EditionNumber"] = new JsonObject { ["Value"] = 0 };
            latest.Content = json.ToJsonString();
            return await db.SaveChangesAsync();
        });
        var brokenTitle = (await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(broken)))!.DisplayText!;
        var soundTitle = (await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(sound)))!.DisplayText!;

        await page.ReloadAsync();
        await page.GetByLabel($"Select “{brokenTitle}”").CheckAsync();
        await page.GetByLabel($"Select “{soundTitle}”").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish selected", Exact = true }).ClickAsync();
        var report = page.Locator(".bulk-results");
        await Assertions.Expect(report.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done: 1. Refused: 1.");
        await Assertions.Expect(report.Locator("li.bulk-done")).ToHaveTextAsync($"Published “{soundTitle}”.");
        await Assertions.Expect(report.Locator("li.bulk-refused")).ToHaveTextAsync(
            $"“{brokenTitle}” was not changed: it does not pass the rules; correct it in its editor first. Edition number must be at least 1.");
        await Browser.AssertAccessibleAsync(page);
        Assert.Null(await Published(app, broken));
        Assert.NotNull(await Published(app, sound));

        // The same refusal in Polish, naming the field by its Polish label, as its editor shows it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await page.GetByLabel($"Zaznacz „{brokenTitle}”").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opublikuj zaznaczone", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".bulk-results li.bulk-refused")).ToHaveTextAsync(
            $"Pozycji „{brokenTitle}” nie zmieniono: nie spełnia reguł; popraw ją najpierw w edytorze. Numer edycji: wartość musi wynosić co najmniej 1.");
        Assert.Null(await Published(app, broken));

        // Its own row's Publish is refused the same way, the field named as its editor shows it.
        await Row(page, brokenTitle).GetByRole(AriaRole.Button, new() { Name = $"Opublikuj {brokenTitle}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Numer edycji: wartość musi wynosić co najmniej 1.");
        Assert.Null(await Published(app, broken));
    }

    /// <summary>Signs in as the administrator on the list of English forums: the ids of its rows, at least two.</summary>
    private static async Task<string[]> EnglishForumIdsAsync(Browser browser)
    {
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=en-GB");
        var ids = await browser.Page.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.True(ids.Length > 1);
        return ids;
    }

    private static Task<ContentItem?> Published(TwinningApplication app, string id)
        => app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetAsync(id));
}
