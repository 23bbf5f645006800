using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>The rich-text editor of HTML bodies and fields (HtmlFieldEditor, admin-rich-text.js) in a real browser,
/// used with the keyboard, checked with axe in English and Polish; what it saves is read back through the API; the
/// accessibility checks of what was written.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
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

    /// <summary>An image without an alt attribute stops a publish (admin.md row 25): Publish is refused with the message
    /// beside the body, while Save draft keeps it with the checks' warning; alt="" (decorative) publishes.</summary>
    [Fact]
    public async Task PublishingABodyWithAnImageWithoutAltIsRefusedBesideTheFieldButADraftIsSaved()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        var plain = withoutScripts.Page;
        await withoutScripts.SignInAsync("admin", Password, "/admin/content/new/Project");
        await plain.Locator("#f-TitlePart").FillAsync("Rewitalizacja rynku");
        const string html = """<p>Ratusz <img src="/media/projects/town-hall.jpg"></p>""";
        await plain.Locator("textarea#f-HtmlBodyPart").FillAsync(html);
        await plain.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Assertions.Expect(plain).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(plain.Locator("#f-HtmlBodyPart-error")).ToContainTextAsync(
            "Body has an image without alternative text (town-hall.jpg), which stops publishing");
        await Assertions.Expect(plain.Locator("textarea#f-HtmlBodyPart")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(plain.Locator("textarea#f-HtmlBodyPart")).ToHaveValueAsync(html);
        // The error says it; the accessibility checks do not repeat it.
        await Assertions.Expect(plain.GetByRole(AriaRole.Region, new() { Name = "Accessibility checks" })).ToHaveCountAsync(0);
        await browser.AssertAccessibleWithoutScriptsAsync(plain);
        Assert.DoesNotContain(await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Project", VersionOptions.Latest)),
            p => p.DisplayText == "Rewitalizacja rynku");

        await plain.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        await Assertions.Expect(plain.GetByRole(AriaRole.Region, new() { Name = "Accessibility checks" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Body: The image town-hall.jpg has no alternative text."]);
        var id = IdFromUrl(plain);
        Assert.False((await LatestAsync(app, id))!.Published);

        await plain.Locator("textarea#f-HtmlBodyPart").FillAsync(html.Replace("\">", "\" alt=\"\">", StringComparison.Ordinal));
        await plain.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved and published.");
        Assert.True((await LatestAsync(app, id))!.Published);
    }

    /// <summary>The accessibility checks of rich text (HtmlChecks): a body with problems is saved all the same, and the
    /// editor and the preview list each problem with how to fix it, linked to the field, in English and Polish.</summary>
    [Fact]
    public async Task ABodyWithAnEmptyHeadingAndAClickHereLinkIsSavedAndTheEditorListsBothProblemsLinkedToTheField()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        var plain = withoutScripts.Page;
        await withoutScripts.SignInAsync("admin", Password, "/admin/content/new/Project");
        // A new item has nothing to check.
        await Assertions.Expect(plain.GetByRole(AriaRole.Heading, new() { Name = "Accessibility checks" })).ToHaveCountAsync(0);
        await plain.Locator("#f-TitlePart").FillAsync("Wymiana młodzieży");
        const string html = """<h2></h2><p>The programme is <a href="https://example.org/programme.pdf">click here</a>.</p>""";
        await plain.Locator("textarea#f-HtmlBodyPart").FillAsync(html);
        await plain.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        // Saved: the checks warn, they do not refuse.
        await Assertions.Expect(plain.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        var id = IdFromUrl(plain);
        var stored = (await LatestAsync(app, id))!;
        Assert.False(stored.Published);
        Assert.Equal(html, stored.Part("HtmlBodyPart")!["Html"]!.GetValue<string>());
        var checks = plain.GetByRole(AriaRole.Region, new() { Name = "Accessibility checks" });
        await Assertions.Expect(checks.GetByRole(AriaRole.Link)).ToHaveTextAsync(
            ["Body: A heading (level 2) has no text.", "Body: The link text “click here” does not say where the link leads."]);
        foreach (var link in await checks.GetByRole(AriaRole.Link).AllAsync())
        {
            await Assertions.Expect(link).ToHaveAttributeAsync("href", "#f-HtmlBodyPart");
        }
        await Assertions.Expect(checks.GetByRole(AriaRole.Listitem).Nth(1)).ToContainTextAsync("Replace it with words that name the target");
        await Assertions.Expect(plain.Locator("#f-HtmlBodyPart-checks li")).ToHaveTextAsync(
            ["A heading (level 2) has no text.", "The link text “click here” does not say where the link leads."]);
        // Not an error: no alert, no "Error:" in the title, the field not marked invalid.
        await Assertions.Expect(plain.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(plain).ToHaveTitleAsync(new Regex("^(?!Error: )"));
        await Assertions.Expect(plain.Locator("textarea#f-HtmlBodyPart")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await browser.AssertAccessibleWithoutScriptsAsync(plain);

        // With scripts, in Polish: the same problems, and the link leads into the rich-text editor, which the hint describes.
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, new Uri(plain.Url).PathAndQuery);
        var english = page.GetByRole(AriaRole.Region, new() { Name = "Accessibility checks" });
        await Assertions.Expect(english.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(page, "accessibility-checks", english);
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        var polish = page.GetByRole(AriaRole.Region, new() { Name = "Sprawdzenie dostępności" });
        await Assertions.Expect(polish.GetByRole(AriaRole.Link)).ToHaveTextAsync(
            ["Treść: Nagłówek (poziom 2) nie ma tekstu.", "Treść: Tekst odnośnika „click here” nie mówi, dokąd odnośnik prowadzi."]);
        await Assertions.Expect(polish).ToContainTextAsync("Znaleziono 2 problemy");
        await Assertions.Expect(polish.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Wpisz treść nagłówka albo usuń pusty nagłówek.");
        var body = page.Locator("#f-HtmlBodyPart");
        await Assertions.Expect(body).ToHaveAttributeAsync("role", "textbox");
        await Assertions.Expect(body).ToHaveAttributeAsync("aria-describedby", new Regex(@"\bf-HtmlBodyPart-checks\b"));
        await Browser.AssertAccessibleAsync(page);
        await polish.GetByRole(AriaRole.Link).Last.ClickAsync();
        await Assertions.Expect(body).ToBeFocusedAsync();
        await Browser.ScreenshotAsync(page, "accessibility-checks", polish);

        // The preview lists them too, each linked to the field in the editor.
        await page.GotoAsync($"/admin/content/{id}/preview");
        var inPreview = page.GetByRole(AriaRole.Region, new() { Name = "Sprawdzenie dostępności", Exact = true }).GetByRole(AriaRole.Link);
        await Assertions.Expect(inPreview).ToHaveCountAsync(2);
        await Assertions.Expect(inPreview.First).ToHaveAttributeAsync("href", $"/admin/content/edit/{id}#f-HtmlBodyPart");
        await Browser.AssertAccessibleAsync(page);
        await inPreview.First.ClickAsync();
        await Assertions.Expect(page.Locator("#f-HtmlBodyPart")).ToBeFocusedAsync();
    }
}
