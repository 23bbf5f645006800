using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The admin language an editor chooses in their profile (<c>/account/profile</c>): applied at once, and at
/// every later sign-in whatever languages the browser asks for.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class ProfileLanguageTests(Chromium chromium)
{
    private static TwinningApplication NewApp()
        => new(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = EditorPages.Password });

    private static BrowserNewContextOptions AskingFor(string locale)
        => new() { Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };

    [Fact]
    public async Task AnEditorWhoPicksPolishInTheProfileReadsPolishAfterSigningInAgainInAnEnglishBrowser()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", EditorPages.Password, "/account/profile");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your profile");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Admin language").SelectOptionAsync("pl-PL");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // The page after saving speaks Polish, and shows the choice kept.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Profil został zapisany.");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pl-PL");
        await Assertions.Expect(page.GetByLabel("Język panelu")).ToHaveValueAsync("pl-PL");
        await Browser.AssertAccessibleAsync(page);

        // Another browser, asking for English only: the sign-in page is English, the admin after it Polish.
        await using var other = await browser.OpenAnotherAsync(chromium, AskingFor("en-GB"));
        await other.SignInAsync("admin", EditorPages.Password, "/admin");
        await Assertions.Expect(other.Page.Locator("html")).ToHaveAttributeAsync("lang", "pl-PL");
        await Assertions.Expect(other.Page.GetByRole(AriaRole.Link, new() { Name = "Profil", Exact = true })).ToBeVisibleAsync();

        // The switch still changes this browser's language for now...
        await other.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(other.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // ...and the profile's language comes back with the next sign-in.
        await other.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await other.SignInAsync("admin", EditorPages.Password, "/admin");
        await Assertions.Expect(other.Page.Locator("html")).ToHaveAttributeAsync("lang", "pl-PL");
    }

    [Fact]
    public async Task TheBrowsersLanguageInTheProfileLetsTheBrowserChooseAgain()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        await browser.SignInAsync("admin", EditorPages.Password, "/account/profile");
        await browser.Page.GetByLabel("Admin language").SelectOptionAsync("pl-PL");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await browser.Page.GetByLabel("Język panelu").SelectOptionAsync("");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();

        // This browser asks for English (Playwright's default locale), and reads English at once.
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your profile is saved.");
        await Assertions.Expect(browser.Page.GetByLabel("Admin language")).ToHaveValueAsync("");

        await using var polish = await browser.OpenAnotherAsync(chromium, AskingFor("pl-PL"));
        await polish.Page.GotoAsync("/account/login?returnUrl=%2Fadmin");
        await polish.Page.GetByLabel("Nazwa użytkownika").FillAsync("admin");
        await polish.Page.GetByLabel("Hasło").FillAsync(EditorPages.Password);
        await polish.Page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj" }).ClickAsync();
        await Assertions.Expect(polish.Page.Locator("html")).ToHaveAttributeAsync("lang", "pl-PL");
    }

    [Fact]
    public async Task ALanguageTheAdminDoesNotSpeakIsRefusedBesideTheField()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", EditorPages.Password, "/account/profile");
        // A form posted with a value the list never offered (an old page, a hand-made request).
        await page.Locator("#culture option[lang='pl-PL']").EvaluateAsync("o => o.value = 'de-DE'");
        await page.GetByLabel("Admin language").SelectOptionAsync("de-DE");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(), r => r.Url.EndsWith("/account/profile", StringComparison.Ordinal));

        Assert.Equal(400, response.Status);
        await Assertions.Expect(page.Locator("#culture-error")).ToHaveTextAsync("Choose one of the languages in the list.");
        await Assertions.Expect(page.Locator("#culture")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Browser.AssertAccessibleAsync(page);
    }
}
