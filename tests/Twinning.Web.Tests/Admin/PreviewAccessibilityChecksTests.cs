using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>The browser's accessibility checks of the admin's preview (admin-preview-checks.js, IBM's Equal Access engine
/// over the previewed rich text; admin.md row 25): each problem named with its field and element in the editor's
/// language, the summary in a status, or a sentence saying nothing was found; hidden without scripts.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PreviewAccessibilityChecksTests(Chromium chromium)
{
    [Fact]
    public async Task WhatOnlyTheBrowsersCheckerFindsIsListedInThePreviewInEnglishAndPolishAndWhatTheServerFoundIsNotRepeated()
    {
        var (app, browser, _) = await PreviewDraftAsync("""
            <h2>Programme</h2><h4>First day</h4>
            <p>Details: <a href="https://example.org/programme.pdf"></a></p>
            <p><img src="/media/projects/town-hall.jpg" alt="town-hall.jpg"></p>
            <p><a href="https://example.org/hall"><img src="/media/projects/hall.jpg" alt="The town hall"> The town hall</a></p>
            <table><caption> </caption><tr><th>Day</th><th>Place</th></tr><tr><td>Monday</td><td>Town hall</td></tr></table>
            <p lang="polski">Witamy w ratuszu</p>
            """);
        using var started = app;
        await using var open = browser;
        var page = browser.Page;

        // The skipped heading and the empty link are the server's findings, listed once, above the preview.
        var saved = page.GetByRole(AriaRole.Region, new() { Name = "Accessibility checks", Exact = true });
        await Assertions.Expect(saved.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        var checks = page.GetByRole(AriaRole.Region, new() { Name = "Accessibility checks of this preview", Exact = true });
        await Assertions.Expect(checks.GetByRole(AriaRole.Status)).ToHaveTextAsync("The browser's checks found 4 further problems in this preview:");
        await Assertions.Expect(checks.GetByRole(AriaRole.Listitem)).ToHaveTextAsync([
            "Body: The alternative text of the image town-hall.jpg is a file name, not a description of what the image shows.",
            "Body: The alternative text “The town hall” of the image hall.jpg repeats the text of its link, so a screen reader says it twice.",
            "Body: The table “Day Place Monday Town hall” has an empty caption.",
            "Body: The language code “polski” of the text “Witamy w ratuszu” is not a valid one (valid ones are, for example, en, de or uk).",
        ]);
        // Announced, not focused: the editor stays where the page put them.
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement === document.body"));
        await Browser.ScreenshotAsync(page, "preview-checks", checks);

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        var polish = page.GetByRole(AriaRole.Region, new() { Name = "Sprawdzenie dostępności podglądu", Exact = true });
        await Assertions.Expect(polish.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sprawdzenie w przeglądarce znalazło w tym podglądzie 4 inne problemy:");
        await Assertions.Expect(polish.GetByRole(AriaRole.Listitem)).ToHaveTextAsync([
            "Treść: Tekstem alternatywnym obrazu town-hall.jpg jest nazwa pliku, a nie opis tego, co obraz przedstawia.",
            "Treść: Tekst alternatywny „The town hall” obrazu hall.jpg powtarza tekst jego odnośnika, więc czytnik ekranu odczyta go dwa razy.",
            "Treść: Tabela „Day Place Monday Town hall” ma pusty podpis.",
            "Treść: Kod języka „polski” tekstu „Witamy w ratuszu” jest nieprawidłowy (poprawne to np. en, de albo uk).",
        ]);
        await Browser.ScreenshotAsync(page, "preview-checks", polish);
        // axe finds the empty link too, in the previewed body: the author's problem, shown as it is on purpose. The page
        // around it, the lists included, is checked without it.
        await page.Locator("article.content-preview").EvaluateAsync("preview => preview.remove()");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ADraftWithCleanHtmlSaysNothingWasFoundAndWithoutScriptsThePreviewHasNoSuchRegion()
    {
        var (app, browser, id) = await PreviewDraftAsync("""
            <h2>Programme</h2><h3>First day</h3>
            <p>Details in <a href="https://example.org/programme.pdf">the programme (PDF)</a>.</p>
            <table><tr><th>Day</th><th>Place</th></tr><tr><td>Monday</td><td>Town hall</td></tr></table>
            <p><img src="/media/projects/town-hall.jpg" alt="The town hall seen from the market square"></p>
            """);
        using var started = app;
        await using var open = browser;
        var page = browser.Page;

        var checks = page.GetByRole(AriaRole.Region, new() { Name = "Accessibility checks of this preview", Exact = true });
        await Assertions.Expect(checks.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            "The browser's checks found no further problems in this preview. They cannot judge everything: read the text as its readers will.");
        await Assertions.Expect(checks.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page);

        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        await withoutScripts.SignInAsync("admin", Password, $"/admin/content/{id}/preview");
        await Assertions.Expect(withoutScripts.Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Programme" })).ToBeVisibleAsync();
        await Assertions.Expect(withoutScripts.Page.GetByRole(AriaRole.Region, new() { Name = "Accessibility checks of this preview" })).ToHaveCountAsync(0);
    }

    /// <summary>A site of its own whose first project has <paramref name="html"/> as its body, saved as a draft, and
    /// its preview open in a browser signed in as the administrator.</summary>
    private async Task<(TwinningApplication App, Browser Browser, string Id)> PreviewDraftAsync(string html)
    {
        var app = NewApp();
        // The site starts with the browser's server; the draft is written into it.
        var browser = await Browser.OpenAsync(chromium, app);
        var project = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Project", VersionOptions.Latest)))[0];
        project.GetOrCreatePart("HtmlBodyPart")["Html"] = JsonValue.Create(html);
        var saved = await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(project, publish: false, "admin"));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        await browser.SignInAsync("admin", Password, $"/admin/content/{project.ContentItemId}/preview");
        return (app, browser, project.ContentItemId);
    }
}
