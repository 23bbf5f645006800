using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>The rich-text editor of HTML bodies and fields (HtmlFieldEditor, admin-rich-text.js) in a real browser,
/// used with the keyboard, checked with axe in English and Polish; what it saves is read back through the API.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RichTextEditorTests(Chromium chromium)
{
    [Fact]
    public async Task TextIsTypedABoldWordAndAListAreMadeWithTheKeyboardAndTheApiReturnsTheSanitisedHtml()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content/new/Project");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Zielone podwórka");
        var body = page.Locator("#f-HtmlBodyPart");
        var toolbar = page.GetByRole(AriaRole.Toolbar);
        await Assertions.Expect(body).ToHaveAttributeAsync("role", "textbox");
        await Assertions.Expect(toolbar).ToHaveAttributeAsync("aria-label", new Regex("^Formatting: "));
        await Browser.AssertAccessibleAsync(page);

        await body.FocusAsync();
        await page.Keyboard.TypeAsync("Programme of the forum");
        // The last word selected and made bold with the keyboard shortcut; the toolbar says so.
        await page.Keyboard.PressAsync("Shift+Control+ArrowLeft");
        await page.Keyboard.PressAsync("Control+b");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Bold" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync("first day");

        // Alt+F10 leads to the toolbar (one tab stop, the first button), End and the arrows move within it, Enter
        // applies, Escape goes back to the text.
        await page.Keyboard.PressAsync("Alt+F10");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Paragraph" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Link" })).ToBeFocusedAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft");
        }
        var bulleted = toolbar.GetByRole(AriaRole.Button, new() { Name = "Bulleted list" });
        await Assertions.Expect(bulleted).ToBeFocusedAsync();
        await Assertions.Expect(bulleted).ToHaveAttributeAsync("tabindex", "0");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(bulleted).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(body).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("second day");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "rich-text", body);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved and published.");

        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        var item = await client.GetFromJsonAsync<JsonObject>($"/api/content/{IdFromUrl(page)}");
        Assert.Equal("<p>Programme of the <strong>forum</strong></p><ul><li><p>first day</p></li><li><p>second day</p></li></ul>",
            item!["HtmlBodyPart"]!["Html"]!.GetValue<string>());
        // The editor shows what was saved.
        await Assertions.Expect(body.Locator("strong")).ToHaveTextAsync("forum");
        await Assertions.Expect(body.Locator("li")).ToHaveTextAsync(["first day", "second day"]);
    }

    [Fact]
    public async Task InPolishTheToolbarSpeaksPolishAndItalicAndAHeadingAreSaved()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content/new/Panel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        var toolbars = page.GetByRole(AriaRole.Toolbar);
        // The panel's body and its outcomes (an HTML field) each have their editor.
        await Assertions.Expect(toolbars).ToHaveCountAsync(2);
        await Assertions.Expect(toolbars.First).ToHaveAttributeAsync("aria-label", new Regex("^Formatowanie: "));
        await Assertions.Expect(toolbars.First.GetByRole(AriaRole.Button)).ToHaveTextAsync(
            ["Akapit", "Nagłówek 2", "Nagłówek 3", "Nagłówek 4", "Pogrubienie", "Kursywa", "Lista punktowana", "Lista numerowana", "Cytat", "Odnośnik"]);
        await Browser.AssertAccessibleAsync(page);

        // A panel is saved from its forum; a project shows the body's editor as well.
        await page.GotoAsync("/admin/content/new/Project");
        await page.Locator("#f-TitlePart").FillAsync("Projekt kulturalny");
        var body = page.Locator("#f-HtmlBodyPart");
        await body.FocusAsync();
        await page.Keyboard.TypeAsync("Wstęp");
        await page.Keyboard.PressAsync("Alt+F10");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(toolbars.First.GetByRole(AriaRole.Button, new() { Name = "Nagłówek 2" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(body).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Control+i");
        await page.Keyboard.TypeAsync("tekst");
        await Browser.ScreenshotAsync(page, "rich-text", body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Zapisano jako szkic.");
        var stored = (await LatestAsync(app, IdFromUrl(page)))!;
        Assert.Equal("<h2>Wstęp</h2><p><em>tekst</em></p>", stored.Part("HtmlBodyPart")!["Html"]!.GetValue<string>());
        await Browser.AssertAccessibleAsync(page);
        // For the docs: the same page's content picker (the project's funder) offering what was found, in Polish.
        var funder = page.Locator("#f-Project-Funder");
        await funder.FocusAsync();
        await page.Keyboard.TypeAsync("Gazeta");
        await Assertions.Expect(page.Locator("#f-Project-Funder__listbox").GetByRole(AriaRole.Option)).ToHaveTextAsync(["Gazeta Wyborcza (pl-PL)"]);
        await Browser.ScreenshotAsync(page, "content-picker", funder);
    }

    [Fact]
    public async Task WithoutScriptsTheTextAreaIsEditedAndMarkupTheEditorCannotShowKeepsIt()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        var plain = withoutScripts.Page;
        await withoutScripts.SignInAsync("admin", Password, "/admin/content/new/Project");
        await Assertions.Expect(plain.GetByRole(AriaRole.Toolbar)).ToHaveCountAsync(0);
        await plain.Locator("#f-TitlePart").FillAsync("Tabela");
        const string html = "<table><tbody><tr><td>1</td></tr></tbody></table><p>Bez <em>skryptów</em></p>";
        await plain.Locator("textarea#f-HtmlBodyPart").FillAsync(html);
        await plain.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        await Assertions.Expect(plain.Locator("textarea#f-HtmlBodyPart")).ToHaveValueAsync(html);

        // With scripts, a table is more than the editor shows: the text area stays, with a note why, and no toolbar.
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, new Uri(plain.Url).PathAndQuery);
        await Assertions.Expect(page.GetByText("This text holds markup the rich-text editor cannot show")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("textarea#f-HtmlBodyPart")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Toolbar)).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page);
    }
}
