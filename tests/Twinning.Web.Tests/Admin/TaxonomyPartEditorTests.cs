using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>The taxonomy editor (TaxonomyPartEditor, the held-items editor a bag uses too) in a real browser: the sample
/// taxonomies' terms renamed, added and moved with the keyboard, read back through the API and offered by the content
/// list's term filter; a term that sample items use cannot be removed.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TaxonomyPartEditorTests(Chromium chromium)
{
    private static async Task<string> FindAsync(TwinningApplication app, string title)
        => await app.InScopeAsync(async s => (await s.GetRequiredService<ContentStore>().ListAsync("Taxonomy", VersionOptions.Latest))
            .Single(i => i.DisplayText == title).ContentItemId);

    private static async Task<JsonArray> TermsThroughTheApiAsync(TwinningApplication app, string id)
    {
        var client = await app.CreateClientWithRolesAsync("Administrator");
        var item = await (await client.GetAsync("/api/content/" + id)).JsonAsync();
        return item["TaxonomyPart"]!["Terms"]!.AsArray();
    }

    private static IEnumerable<string> Titles(JsonArray terms) => terms.Select(t => t!["TitlePart"]!["Title"]!.GetValue<string>());

    [Fact]
    public async Task TermsAreRenamedAddedAndMovedWithTheKeyboardAndTheListFilterOffersTheNewTerm()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = await FindAsync(app, "Obszary współpracy");
        var before = await TermsThroughTheApiAsync(app, id);
        var count = before.Count;
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + id);
        var terms = page.Locator("#f-TaxonomyPart");
        await Assertions.Expect(page.Locator("#f-TaxonomyPart-Terms-1 legend").First).ToHaveTextAsync("Cooperation area 2: Kultura");
        await Browser.AssertAccessibleAsync(page);

        await page.Locator("#f-TaxonomyPart-Terms-1").GetByLabel("Title", new() { Exact = true }).FillAsync("Kultura i sztuka");
        // Add: the form comes back with the typed title kept and a new, empty term at the end, focused and announced.
        await terms.GetByRole(AriaRole.Button, new() { Name = "Add Cooperation area" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Cooperation area added at position {count + 1} of {count + 1}.");
        var added = page.Locator($"#f-TaxonomyPart-Terms-{count}");
        await Assertions.Expect(added).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#f-TaxonomyPart-Terms-1").GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Kultura i sztuka");
        await added.GetByLabel("Title", new() { Exact = true }).FillAsync("Turystyka rowerowa");

        // Move up by the keyboard: in place, the focus kept on the button, the move announced in the live region.
        await terms.GetByRole(AriaRole.Button, new() { Name = $"Move up: Cooperation area {count + 1}" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(terms.GetByRole(AriaRole.Button, new() { Name = $"Move up: Cooperation area {count}" })).ToBeFocusedAsync();
        await Assertions.Expect(terms.Locator("[aria-live=polite]")).ToHaveTextAsync($"Cooperation area moved to position {count} of {count + 1}.");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "taxonomy-terms", terms);
        await page.SetViewportSizeAsync(320, 800);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 320"), "The terms scroll sideways at 320 px.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved and published.");
        var after = await TermsThroughTheApiAsync(app, id);
        var expected = Titles(before).ToList();
        expected[1] = "Kultura i sztuka";
        expected.Insert(count - 1, "Turystyka rowerowa");
        Assert.Equal(expected, Titles(after));
        // The terms keep their ids; the new one has its own, of the term type, and belongs to the taxonomy.
        Assert.Equal(before.Select(t => t!["ContentItemId"]!.GetValue<string>()), after.Where((_, i) => i != count - 1).Select(t => t!["ContentItemId"]!.GetValue<string>()));
        var term = after[count - 1]!;
        Assert.Matches("^[0-9a-z]{26}$", term["ContentItemId"]!.GetValue<string>());
        Assert.Equal("CooperationArea", term["ContentType"]!.GetValue<string>());
        Assert.Equal(id, term["TermPart"]!["TaxonomyContentItemId"]!.GetValue<string>());

        await page.GotoAsync("/admin/content");
        var filter = page.Locator("select option", new() { HasText = "Turystyka rowerowa" });
        await Assertions.Expect(filter).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("select option", new() { HasText = "Kultura i sztuka" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task RemovingATermThatItemsUseIsRefusedBesideTheTermWithNothingChanged()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = await FindAsync(app, "Rodzaje paneli");
        var before = await TermsThroughTheApiAsync(app, id);
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + id);
        var terms = page.Locator("#f-TaxonomyPart");

        // Removed in place, then the save refused: the term comes back with the refusal beside it, linked from the summary.
        await terms.GetByRole(AriaRole.Button, new() { Name = "Remove: Panel track 1: Panel samorządowy" }).ClickAsync();
        await Assertions.Expect(terms.Locator("[aria-live=polite]")).ToHaveTextAsync($"Panel track 1 removed; {before.Count - 1} left.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var message = "The term 'Panel samorządowy' cannot be removed: 2 items use it.";
        var refused = terms.Locator("fieldset", new() { Has = page.Locator("legend", new() { HasText = "Panel samorządowy" }) });
        await Assertions.Expect(refused.Locator(".error-message")).ToContainTextAsync(message);
        await Assertions.Expect(refused).ToHaveAccessibleDescriptionAsync(new Regex("2 items use it"));
        var link = page.Locator(".error-summary a", new() { HasText = "Panel samorządowy" });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "#" + await refused.GetAttributeAsync("id"));
        await Assertions.Expect(terms.Locator(".error-message")).ToHaveCountAsync(1);
        Assert.Equal(before.ToJsonString(), (await TermsThroughTheApiAsync(app, id)).ToJsonString());
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "taxonomy-term-in-use", refused);

        // In Polish, the plural for two; and the term shown again is saved as stored by the next save.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await terms.GetByRole(AriaRole.Button, new() { Name = "Usuń: Ścieżka tematyczna 1: Panel samorządowy" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opublikuj", Exact = true }).ClickAsync();
        await Assertions.Expect(terms.Locator(".error-message")).ToContainTextAsync("Nie można usunąć pojęcia „Panel samorządowy”: używają go 2 pozycje.");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "taxonomy-term-in-use", refused);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opublikuj", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Zapisano i opublikowano.");
        var after = await TermsThroughTheApiAsync(app, id);
        Assert.Equal(before.Select(t => t!["ContentItemId"]!.ToJsonString()).Order(), after.Select(t => t!["ContentItemId"]!.ToJsonString()).Order());
    }

    [Fact]
    public async Task ChildTermsAreKeptWhenTheTaxonomyIsSaved()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = await FindAsync(app, "Obszary współpracy");
        // A child term under the first term, as Orchard Core nests them; the admin edits the top level only.
        await app.InScopeAsync(async s =>
        {
            var taxonomy = (await s.GetRequiredService<ContentStore>().GetLatestAsync(id))!;
            var first = taxonomy.Part("TaxonomyPart")!["Terms"]![0]!.AsObject();
            var child = first.DeepClone().AsObject();
            child["ContentItemId"] = "4childterm0000000000000000";
            child["DisplayText"] = "Rzemiosło";
            child["TitlePart"]!["Title"] = "Rzemiosło";
            first["Terms"] = new JsonArray(child);
            Assert.Empty((await s.GetRequiredService<ContentManager>().SaveAsync(taxonomy, publish: true, "tester")).Errors);
            return true;
        });
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + id);
        await page.Locator("#f-TaxonomyPart-Terms-0").GetByLabel("Title", new() { Exact = true }).FillAsync("Gospodarka lokalna");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved and published.");
        var first = (await TermsThroughTheApiAsync(app, id))[0]!;
        Assert.Equal("Gospodarka lokalna", first["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.Equal("Rzemiosło", first["Terms"]![0]!["TitlePart"]!["Title"]!.GetValue<string>());
    }
}
