using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The municipal recipe's type names, field labels, hints and list options in the editor's language (its
/// <c>Translations</c> step), and as the definitions write them in English.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DefinitionLabelsTests(Chromium chromium)
{
    [Fact]
    public async Task APolishEditorReadsPolishTypeNamesLabelsAndDayNames()
    {
        using var app = EditorPages.NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", EditorPages.Password, "/admin/content");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();

        // The list: its types by their Polish names, sorted as Polish sorts them.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Miasto partnerskie", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#filter-type option", new() { HasText = "Punkt kontaktowy" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#filter-type option", new() { HasText = "Partner city" })).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page);

        // A contact point: its bag of opening hours, with Polish labels and day names.
        await page.GotoAsync("/admin/content?type=ContactPoint");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Punkt kontaktowy");
        await page.GetByRole(AriaRole.Link, new() { Name = "Punkt Lokalny w Sokółce" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Godziny otwarcia" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Jeden wpis na dzień tygodnia i przedział czasu.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Dzień tygodnia").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Dzień tygodnia").First.Locator("option", new() { HasText = "Środa" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("option", new() { HasText = "Wednesday" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Rodzaj", new() { Exact = true }).First).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        // A new forum: the type's fields and list options in Polish; the stored values stay the recipe's.
        await page.GotoAsync("/admin/content/new/Forum");
        await Assertions.Expect(page.GetByLabel("Rodzaj wydarzenia")).ToBeVisibleAsync();
        await page.GetByLabel("Rodzaj wydarzenia").SelectOptionAsync(new SelectOptionValue { Label = "konferencja" });
        await Assertions.Expect(page.GetByLabel("Rodzaj wydarzenia")).ToHaveValueAsync("conference");
        await Assertions.Expect(page.GetByLabel("Podtytuł / motto")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organizacje", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dodaj: Miejsce uczestniczące" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        // In English, the definitions' own texts.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Event type")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Event type").Locator("option", new() { HasText = "conference" })).ToHaveCountAsync(1);
    }
}
