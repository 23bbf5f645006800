using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>An item's history at /admin/content/history/{id}: every save with who, when, status and note; two versions
/// compared field by field; a version restored as a new draft; in a real browser, in English and Polish, checked with axe.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class ContentHistoryPageTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";
    private const string Forum = "Polish-Belarusian Forum of Partner Cities";

    private static ILocator Version(IPage page, int number)
        => page.Locator("table[aria-labelledby=versions-title] tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = number.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }) });

    [Fact]
    public async Task EverySaveIsListedTwoVersionsAreComparedAndARestoredVersionBecomesTheDraft()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=en-GB&q=Polish-Belarusian");
        await page.GetByRole(AriaRole.Link, new() { Name = Forum }).ClickAsync();
        var id = Regex.Match(page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value;
        var venue = await page.Locator("#f-Forum-Venue").InputValueAsync();

        // Two drafts, the first with a note; a note longer than allowed is refused next to its field, nothing saved.
        await page.Locator("#f-Forum-Subtitle").FillAsync("Pierwsza zmiana");
        await page.GetByLabel("Note on this version (optional)").FillAsync(new string('x', 1001));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#note-error")).ToContainTextAsync("at most 1000 characters");
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Pierwsza zmiana");
        await page.GetByLabel("Note on this version (optional)").FillAsync("Poprawiony podtytuł");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        await page.Locator("#f-Forum-Venue").FillAsync("Dwór Artusa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");

        await page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"History: {Forum}");
        // Newest first: the recipe's published version, then the two drafts (the second saved over the first).
        await Assertions.Expect(page.Locator("table[aria-labelledby=versions-title] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(Version(page, 1)).ToContainTextAsync("Published, on the site now");
        await Assertions.Expect(Version(page, 2)).ToContainTextAsync("admin");
        await Assertions.Expect(Version(page, 2)).ToContainTextAsync("Poprawiony podtytuł");
        await Assertions.Expect(Version(page, 3)).ToContainTextAsync("Draft, latest");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "history");

        // Any two versions, field by field.
        await page.GetByLabel("Compare version").SelectOptionAsync(new SelectOptionValue { Label = (await page.GetByLabel("Compare version").Locator("option").Last.TextContentAsync())! });
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        var comparison = page.Locator("#comparison");
        await Assertions.Expect(comparison.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Changes from version 1 to version 3");
        // The subtitle and venue typed, nothing else: the partner cities, untouched, were saved in their stored order
        // (Polotsk before Navapolatsk, not in the order of their titles).
        await Assertions.Expect(comparison.Locator("tbody tr th")).ToHaveTextAsync(["Subtitle / motto", "Venue"]);
        await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Venue" })).ToContainTextAsync("Dwór Artusa");
        await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Subtitle" })).ToContainTextAsync("Pierwsza zmiana");
        var cities = (await LatestAsync(app, id))!.Part("Forum")!["PartnerCities"]!["ContentItemIds"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(["Polotsk", "Navapolatsk"], await Task.WhenAll(cities.Select(async c => (await LatestAsync(app, c))!.DisplayText!)));
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "compare");
        await Version(page, 3).GetByRole(AriaRole.Link, new() { Name = "Compare with version 2" }).ClickAsync();
        await Assertions.Expect(comparison.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(comparison.Locator("tbody tr th")).ToHaveTextAsync("Venue");

        // Someone saves meanwhile: a restore from the page as it was is refused, and the new draft stays.
        var latest = (await LatestAsync(app, id))!;
        latest.Part("Forum")!["Subtitle"]!["Text"] = "Zmiana kogoś innego";
        Assert.True((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(latest, publish: false, "ewa"))).Succeeded);
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Restore version 2 as a new draft" }).ClickAsync(), Browser.IsFormPost);
        Assert.Equal(409, refused.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone saved this item meanwhile");
        await Assertions.Expect(Version(page, 4)).ToContainTextAsync("ewa");
        Assert.Equal("Zmiana kogoś innego", (await LatestAsync(app, id))!.Part("Forum")!["Subtitle"]!["Text"]!.GetValue<string>());

        // Now knowing it, the editor restores version 2: a new draft, the one it replaces kept, the site unchanged.
        var replaced = (await LatestAsync(app, id))!.ContentItemVersionId;
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 2 as a new draft" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/content/edit/{id}\\?saved=restored$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("restored as a new draft");
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Pierwsza zmiana");
        await Assertions.Expect(page.Locator("#f-Forum-Venue")).ToHaveValueAsync(venue);
        var restored = (await LatestAsync(app, id))!;
        Assert.False(restored.Published);
        Assert.NotEqual(replaced, restored.ContentItemVersionId);
        Assert.Contains(await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetVersionsAsync(id)),
            v => v.ContentItemVersionId == replaced && v.Part("Forum")!["Subtitle"]!["Text"]!.GetValue<string>() == "Zmiana kogoś innego");
        Assert.NotEqual("Pierwsza zmiana", (await app.GetAsync(id))!.Part("Forum")!["Subtitle"]?["Text"]?.GetValue<string>());

        // The history in Polish.
        await page.GotoAsync($"/admin/content/history/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Historia: {Forum}");
        await Assertions.Expect(page.Locator("table[aria-labelledby=versions-title] tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(Version(page, 5)).ToContainTextAsync("Szkic, najnowsza");
        await Browser.ScreenshotAsync(page, "history");
        await page.GetByRole(AriaRole.Button, new() { Name = "Porównaj", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#comparison").GetByRole(AriaRole.Heading)).ToHaveTextAsync("Zmiany od wersji 4 do wersji 5");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "compare");

        // Someone who may only read content may not see the drafts in the history.
        await app.DefineRoleAsync("Reader", "ViewContent", "PreviewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("czytelnik", null, Password, ["Reader"])));
        await using var reader = await browser.OpenAnotherAsync(chromium);
        await reader.SignInAsync("czytelnik", Password, "/admin/content");
        var response = await reader.Page.GotoAsync($"/admin/content/history/{id}");
        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task ABagsItemsAreComparedOneByOneWithTheirMovesAndTheirFieldsChanged()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Gallery", VersionOptions.Latest)))[0].ContentItemId;
        // The second photo moved to the top with a new caption, the third removed.
        var gallery = (await LatestAsync(app, id))!;
        var photos = gallery.Part("Photos")!["ContentItems"]!.AsArray();
        Assert.True(photos.Count >= 3);
        var second = photos[1]!;
        photos.RemoveAt(1);
        photos.Insert(0, second);
        var oldCaption = second["GalleryPhoto"]!["Caption"]!["Text"]!.GetValue<string>();
        second["GalleryPhoto"]!["Caption"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Ratusz nocą" };
        Assert.True(second["GalleryPhoto"]!["SampleImage"]!["Value"]!.GetValue<bool>());
        second["GalleryPhoto"]!["SampleImage"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = false };
        photos.RemoveAt(2);
        Assert.True((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(gallery, publish: false, "ewa"))).Succeeded);

        await browser.SignInAsync("admin", Password, $"/admin/content/history/{id}");
        await Version(page, 2).GetByRole(AriaRole.Link, new() { Name = "Compare with version 1" }).ClickAsync();
        var comparison = page.Locator("#comparison");
        await Assertions.Expect(comparison.Locator("tbody tr th")).ToHaveTextAsync(
        [
            new Regex("^Photos: Gallery photo 1: .+, moved$"),
            new Regex("^Photos: Gallery photo 1: .+, Caption$"),
            new Regex("^Photos: Gallery photo 1: .+, Sample image$"),
            // The first photo is second now only because the other moved above it: not a move of its own.
            new Regex("^Photos: Gallery photo 3: .+, removed$"),
            // The removed photo's fields, each with what it held.
            new Regex("^Photos: Gallery photo 3: .+, Image$"),
            new Regex("^Photos: Gallery photo 3: .+, Caption$"),
            new Regex("^Photos: Gallery photo 3: .+, Credit$"),
            new Regex("^Photos: Gallery photo 3: .+, Licence$"),
            new Regex("^Photos: Gallery photo 3: .+, Sample image$"),
        ]);
        var rows = comparison.Locator("tbody tr");
        await Assertions.Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync(["position 2", "position 1"]);
        await Assertions.Expect(rows.Nth(1).Locator("td")).ToHaveTextAsync([oldCaption, "Ratusz nocą"]);
        await Assertions.Expect(rows.Nth(2).Locator("td")).ToHaveTextAsync(["Yes", "No"]);
        await Assertions.Expect(rows.Nth(3).Locator("td")).ToHaveTextAsync(["position 3", "not in this version"]);
        await Browser.AssertAccessibleAsync(page);

        // The language switch returns to the history page; the comparison is asked for again, the bag and its items named in Polish.
        var compared = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await page.GotoAsync(compared);
        await Assertions.Expect(comparison.Locator("tbody tr th").First).ToHaveTextAsync(new Regex("^Zdjęcia: Zdjęcie w galerii 1: .+, przeniesiono$"));
        await Assertions.Expect(rows.Nth(2).Locator("td")).ToHaveTextAsync(["Tak", "Nie"]);
        await Assertions.Expect(rows.Nth(3).Locator("td")).ToHaveTextAsync(["pozycja 3", "brak w tej wersji"]);
    }

    [Fact]
    public async Task ALongHistoryIsPagedNewestFirstAndVersionsOnOtherPagesCanBeCompared()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        // The browser starts the host (on Kestrel) before anything else uses it.
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Latest, "en-GB")))
            .Single(f => f.DisplayText == Forum).ContentItemId;
        // 60 drafts on top of the recipe's version: 61 versions, two pages of 50.
        for (var n = 1; n <= 60; n++)
        {
            var latest = (await LatestAsync(app, id))!;
            latest.Part("Forum")!["Venue"]!["Text"] = $"Sala {n}";
            Assert.True((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(latest, publish: false, "ewa"))).Succeeded);
        }
        await browser.SignInAsync("admin", Password, $"/admin/content/history/{id}");

        var rows = page.Locator("table[aria-labelledby=versions-title] tbody tr");
        await Assertions.Expect(page.Locator("#versions-total")).ToHaveTextAsync("Versions 61 to 12 of 61, the newest first");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(rows.First.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("61");
        await Assertions.Expect(Version(page, 61)).ToContainTextAsync("Draft, latest");
        // The oldest on the page is compared with the newest of the next.
        await Version(page, 12).GetByRole(AriaRole.Link, new() { Name = "Compare with version 11" }).ClickAsync();
        var comparison = page.Locator("#comparison");
        await Assertions.Expect(comparison.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Changes from version 11 to version 12");
        await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Venue" })).ToContainTextAsync("Sala 10");
        await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Venue" })).ToContainTextAsync("Sala 11");
        await Browser.AssertAccessibleAsync(page);

        // The content list's pager: the page in the address, the current one marked.
        var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of versions" });
        await Assertions.Expect(pages.GetByRole(AriaRole.Link)).ToHaveTextAsync(["1", "2", "Next page", "Last page"]);
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Page 1", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Last page" })).ToHaveAttributeAsync("href", $"/admin/content/history/{id}?p=2");
        await pages.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/content/history/{id}\\?p=2$"));
        await Assertions.Expect(page.Locator("#versions-total")).ToHaveTextAsync("Versions 11 to 1 of 61, the newest first");
        await Assertions.Expect(rows).ToHaveCountAsync(11);
        await Assertions.Expect(Version(page, 1)).ToContainTextAsync("Published, on the site now");
        await Assertions.Expect(pages).ToContainTextAsync("Page 2 of 2");
        await Assertions.Expect(pages.GetByRole(AriaRole.Link)).ToHaveTextAsync(["First page", "Previous page", "1", "2"]);
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Page 2", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "First page" })).ToHaveAttributeAsync("href", $"/admin/content/history/{id}");
        // A page past the end shows the last.
        await page.GotoAsync($"/admin/content/history/{id}?p=9");
        await Assertions.Expect(page.Locator("#versions-total")).ToHaveTextAsync("Versions 11 to 1 of 61, the newest first");
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Page 2", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        // Version 1 (page 2) against version 61 (page 1): both are offered, read alone.
        var oldestId = await Version(page, 1).GetAttributeAsync("data-revision");
        await page.GotoAsync($"/admin/content/history/{id}");
        var newestId = await rows.First.GetAttributeAsync("data-revision");
        await page.GotoAsync($"/admin/content/history/{id}?p=2&from={oldestId}&to={newestId}#comparison");
        await Assertions.Expect(comparison.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Changes from version 1 to version 61");
        await Assertions.Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "Venue" })).ToContainTextAsync("Sala 60");
        await Assertions.Expect(page.GetByLabel("Compare version")).ToHaveValueAsync(oldestId!);
        await Assertions.Expect(page.GetByLabel("with version")).ToHaveValueAsync(newestId!);

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.Locator("#versions-total")).ToHaveTextAsync("Wersje od 11 do 1 z 61, od najnowszej");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Strony wersji" })).ToContainTextAsync("Strona 2 z 2");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Strony wersji" }).GetByRole(AriaRole.Link, new() { Name = "Poprzednia strona" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(50);
    }

    private static Task<ContentItem?> LatestAsync(TwinningApplication app, string id)
        => app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(id));
}
