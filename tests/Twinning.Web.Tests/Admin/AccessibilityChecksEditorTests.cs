using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>The accessibility checks of rich text (HtmlChecks) on the editor: a body with problems is saved all the
/// same, and the editor lists each problem with how to fix it, linked to the field, in English and Polish.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityChecksEditorTests(Chromium chromium)
{
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
        var stored = (await LatestAsync(app, IdFromUrl(plain)))!;
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
    }
}
