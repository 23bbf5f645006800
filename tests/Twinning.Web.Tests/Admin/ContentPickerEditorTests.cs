using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Twinning.Core.Content;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>The content picker (ContentPickerFieldEditor, admin-content-picker.js): a combobox searching
/// /admin/content/choices, the chosen items in order with Remove / Move up / Move down announced in a live region,
/// used with the keyboard in a real browser, checked with axe in English and Polish; without scripts, an ID input.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContentPickerEditorTests(Chromium chromium)
{
    private static async Task<IReadOnlyList<string>> ChosenAsync(TwinningApplication app, string id, string field)
    {
        var item = await LatestAsync(app, id);
        return [.. item!.Part("Forum")![field]!["ContentItemIds"]!.AsArray().Select(n => n!.GetValue<string>())];
    }

    /// <summary>Types into a picker's search, waits for the items found for all of it (the option visible, no search
    /// pending), then goes down the list with the arrow keys to <paramref name="option"/> and chooses it with Enter.</summary>
    private static async Task ChooseAsync(IPage page, ILocator search, string typed, string option)
    {
        await Assertions.Expect(search).ToHaveAttributeAsync("role", "combobox");
        await search.FocusAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.TypeAsync(typed);
        await SearchAnsweredAsync(search);
        var options = Options(search);
        await Assertions.Expect(options.GetByText(option, new() { Exact = true })).ToBeVisibleAsync();
        var index = (await options.AllTextContentsAsync()).ToList().IndexOf(option);
        for (var i = 0; i <= index; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        await Assertions.Expect(options.Nth(index)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task FillForumAsync(IPage page, string title)
    {
        await page.Locator("#f-TitlePart").FillAsync(title);
        await page.Locator("#f-Forum-StartDate").FillAsync("2027-06-14T10:30");
        await page.Locator("#f-Forum-EndDate").FillAsync("2027-06-15T16:00");
    }

    [Fact]
    public async Task CitiesAreFoundChosenReorderedAndRemovedWithTheKeyboardEachChangeAnnounced()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content/new/Forum");
        var search = page.Locator("#f-Forum-PartnerCities");
        var status = page.Locator("#f-Forum-PartnerCities").Locator("xpath=ancestor::div[@data-content-picker]").Locator("[data-picker-status]");
        await Assertions.Expect(search).ToHaveAttributeAsync("role", "combobox");
        await Assertions.Expect(page.GetByLabel("Search to add: Our partner cities involved")).ToHaveCountAsync(1);

        await search.FocusAsync();
        await page.Keyboard.TypeAsync("ołock");
        await SearchAnsweredAsync(search);
        await Assertions.Expect(Options(search)).ToHaveTextAsync(["Nowopołock (pl-PL)", "Połock (pl-PL)"]);
        await Assertions.Expect(search).ToHaveAttributeAsync("aria-expanded", "true");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "content-picker", search);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(Options(search).Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(status).ToHaveTextAsync("Połock (pl-PL) added.");

        await ChooseAsync(page, search, "Polotsk", "Polotsk (en-GB)");
        await Assertions.Expect(status).ToHaveTextAsync("Polotsk (en-GB) added.");
        var chosen = page.Locator("#f-Forum-PartnerCities").Locator("xpath=ancestor::div[@data-content-picker]").Locator(".picker-chosen > li > span");
        await Assertions.Expect(chosen).ToHaveTextAsync(["Połock (pl-PL)", "Polotsk (en-GB)"]);

        // Move up: the item moves, the focus stays on its button, the move is announced.
        var up = page.GetByRole(AriaRole.Button, new() { Name = "Move Polotsk (en-GB) up" });
        await up.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(chosen).ToHaveTextAsync(["Polotsk (en-GB)", "Połock (pl-PL)"]);
        await Assertions.Expect(up).ToBeFocusedAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Polotsk (en-GB) moved to position 1 of 2.");
        await Browser.AssertAccessibleAsync(page);

        // Remove: the focus goes to the next item's Remove button.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Polotsk (en-GB)" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(status).ToHaveTextAsync("Polotsk (en-GB) removed.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove Połock (pl-PL)" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Połock (pl-PL) up" })).ToBeFocusedAsync();

        // Add the English city back and save: the order of the list is the order stored.
        await ChooseAsync(page, search, "Navapolatsk", "Navapolatsk (en-GB)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Navapolatsk (en-GB) up" }).ClickAsync();
        await FillForumAsync(page, "Forum z wyszukanymi miastami");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        await Assertions.Expect(chosen).ToHaveTextAsync(["Navapolatsk (en-GB)", "Połock (pl-PL)"]);
        var ids = await ChosenAsync(app, IdFromUrl(page), "PartnerCities");
        Assert.Equal(2, ids.Count);
        Assert.Equal("Navapolatsk", (await LatestAsync(app, ids[0]))!.DisplayText);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task InPolishThePickerSpeaksPolishAndAPickerOfOneItemReplacesItsItemWithoutMoveButtons()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content/new/Project");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        var funder = page.Locator("#f-Project-Funder");
        var picker = funder.Locator("xpath=ancestor::div[@data-content-picker]");
        await Assertions.Expect(page.GetByLabel("Wyszukaj, aby dodać: Fundator")).ToHaveCountAsync(1);
        await Assertions.Expect(picker.GetByText("Nic jeszcze nie wybrano.")).ToBeVisibleAsync();

        await Assertions.Expect(funder).ToHaveAttributeAsync("role", "combobox");
        await funder.FocusAsync();
        await page.Keyboard.TypeAsync("zzzz");
        await SearchAnsweredAsync(funder);
        await Assertions.Expect(picker.Locator(".autocomplete__option--no-results")).ToHaveTextAsync("Nie znaleziono pozycji");
        await ChooseAsync(page, funder, "Gazeta", "Gazeta Wyborcza (pl-PL)");
        await Assertions.Expect(picker.Locator("[data-picker-status]")).ToHaveTextAsync("Dodano: Gazeta Wyborcza (pl-PL).");
        // One item only: no moving buttons; choosing another replaces it.
        await Assertions.Expect(picker.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Usuń Gazeta Wyborcza (pl-PL)"]);
        await ChooseAsync(page, funder, "Radio", "Polskie Radio Białystok (pl-PL)");
        await Assertions.Expect(picker.Locator("[data-picker-status]"))
            .ToHaveTextAsync("Wybrano Polskie Radio Białystok (pl-PL) zamiast Gazeta Wyborcza (pl-PL).");
        await Assertions.Expect(picker.Locator(".picker-chosen > li > span")).ToHaveTextAsync(["Polskie Radio Białystok (pl-PL)"]);
        await Browser.AssertAccessibleAsync(page);

        // In a list of several, the buttons and the announcement are Polish too.
        await page.GotoAsync("/admin/content/new/Forum");
        var cities = page.Locator("#f-Forum-PartnerCities");
        foreach (var name in new[] { "Połock", "Nowopołock" })
        {
            await ChooseAsync(page, cities, name, name + " (pl-PL)");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Przesuń Połock (pl-PL) niżej" }).ClickAsync();
        await Assertions.Expect(cities.Locator("xpath=ancestor::div[@data-content-picker]").Locator("[data-picker-status]"))
            .ToHaveTextAsync("Połock (pl-PL): teraz pozycja 2 z 2.");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task TheSearchAnswersOnlyTheFieldsTypesToSignedInEditors()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin");

        async Task<List<string>> TitlesAsync(string query)
        {
            var found = await page.APIRequest.GetAsync("/admin/content/choices?" + query);
            Assert.Equal(200, found.Status);
            return [.. JsonNode.Parse(await found.TextAsync())!.AsArray().Select(c => c!["title"]!.GetValue<string>())];
        }
        Assert.Equal(["Navapolatsk (en-GB)"], await TitlesAsync("field=Forum.PartnerCities&q=a"));
        // Only the field's types: an organisation is found by a project's funder, never by a forum's partner cities.
        Assert.Equal(["Gazeta Wyborcza (pl-PL)"], await TitlesAsync("field=Project.Funder&q=Gazeta"));
        Assert.Empty(await TitlesAsync("field=Forum.PartnerCities&q=Gazeta"));

        // However many items match, at most 20 are answered, by title.
        for (var i = 0; i < 25; i++)
        {
            var city = new JsonObject
            {
                ["ContentType"] = "PartnerCity",
                ["TitlePart"] = new JsonObject { ["Title"] = $"Miasto {i:D2}" },
                ["LocalizationPart"] = new JsonObject { ["Culture"] = "pl-PL" },
                ["PartnerCity"] = new JsonObject
                {
                    ["Country"] = new JsonObject { ["Text"] = "LT" },
                    ["Location"] = new JsonObject { ["Latitude"] = 54.5m, ["Longitude"] = 23.5m },
                },
            };
            var saved = await app.SaveAsync(ContentItemJsonConverter.FromJson(city));
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
        }
        Assert.Equal([.. Enumerable.Range(0, 20).Select(i => $"Miasto {i:D2} (pl-PL)")], await TitlesAsync("field=Forum.PartnerCities&q=miasto"));

        var unknown = await page.APIRequest.GetAsync("/admin/content/choices?field=Forum.Nope&q=a");
        Assert.Equal(404, unknown.Status);
        Assert.StartsWith("application/problem+json", unknown.Headers["content-type"], StringComparison.Ordinal);

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(browser.BaseAddress) };
        using var refused = await anonymous.GetAsync(new Uri("/admin/content/choices?field=Forum.PartnerCities&q=a", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("Navapolatsk", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutScriptsAnItemIsAddedByItsIdAndRemovedByUntickingItAndAnItemOfAnotherTypeIsRefused()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        await browser.SignInAsync("admin", Password, "/admin/content?type=PartnerCity&q=Po%C5%82ock");
        var cityId = await browser.Page.Locator("tbody tr").First.GetAttributeAsync("data-id");
        await browser.Page.GotoAsync("/admin/content?type=Organization&q=Gazeta");
        var organizationId = await browser.Page.Locator("tbody tr").First.GetAttributeAsync("data-id");
        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        var page = withoutScripts.Page;
        await withoutScripts.SignInAsync("admin", Password, "/admin/content/new/Forum");
        var cities = page.GetByRole(AriaRole.Group, new() { Name = "Our partner cities involved" });
        await browser.AssertAccessibleWithoutScriptsAsync(page);

        // An organisation's id typed into the partner cities: refused next to the field, nothing saved.
        await cities.GetByLabel("Add by content item ID").FillAsync(organizationId!);
        await FillForumAsync(page, "Forum bez skryptów");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(cities).ToContainTextAsync($"Our partner cities involved accepts PartnerCity; '{organizationId}' is a Organization.");
        Assert.Equal("/admin/content/new/Forum", new Uri(page.Url).AbsolutePath);
        await browser.AssertAccessibleWithoutScriptsAsync(page);

        // The refused item is back as typed, ticked: unticked, and the city's id typed instead.
        await cities.GetByRole(AriaRole.Checkbox, new() { Name = "Gazeta Wyborcza (pl-PL)" }).UncheckAsync();
        await cities.GetByLabel("Add by content item ID").FillAsync(cityId!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        Assert.Equal([cityId!], await ChosenAsync(app, IdFromUrl(page), "PartnerCities"));
        var kept = cities.GetByRole(AriaRole.Checkbox, new() { Name = "Połock (pl-PL)" });
        await Assertions.Expect(kept).ToBeCheckedAsync();
        await browser.AssertAccessibleWithoutScriptsAsync(page);

        await kept.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        Assert.Empty(await ChosenAsync(app, IdFromUrl(page), "PartnerCities"));

        // In Polish, the field's label too (the municipal recipe's Translations step).
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Zaangażowane miasta partnerskie" }).GetByLabel("Dodaj według identyfikatora")).ToBeVisibleAsync();
        await browser.AssertAccessibleWithoutScriptsAsync(page);
    }
}
