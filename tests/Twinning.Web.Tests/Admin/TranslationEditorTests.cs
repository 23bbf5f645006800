using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>Translating in a real browser, checked with axe in English and Polish: the Gdańsk forum translated into
/// English from its editor, the source beside the form, the matrix following the translation's state.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class TranslationEditorTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";
    private const string PolishForum = "Polsko-Białoruskie Forum Miast Partnerskich";
    private const string English = "English (United Kingdom) (en-GB)";

    private static ILocator MatrixRow(IPage page, string culture) => page.Locator($".translations tr[data-culture='{culture}']");

    [Fact]
    public async Task AnEditorTranslatesTheGdanskForumIntoEnglishBesideTheSourceAndTheMatrixFollows()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        // The recipe's forum has its English translation already: it is removed, so the editor makes it again.
        var forums = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Latest));
        var english = forums.Single(f => f.DisplayText == "Polish-Belarusian Forum of Partner Cities");
        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(english.ContentItemId, "tester"));
        var source = forums.Single(f => f.DisplayText == PolishForum);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=pl-PL");
        await page.GetByRole(AriaRole.Link, new() { Name = PolishForum }).ClickAsync();

        var translations = page.GetByRole(AriaRole.Region, new() { Name = "Translations" });
        await Assertions.Expect(MatrixRow(page, "pl-PL")).ToContainTextAsync("Published, source");
        await Assertions.Expect(MatrixRow(page, "pl-PL")).ToContainTextAsync("(this item)");
        await Assertions.Expect(MatrixRow(page, "en-GB")).ToContainTextAsync("Missing");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "translation-matrix", translations);

        await translations.GetByRole(AriaRole.Button, new() { Name = "Translate into " + English }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("A draft translation into " + English + " was created from the source.");
        await Assertions.Expect(page.Locator(".source-intro")).ToHaveTextAsync($"Translating from polski (Polska) (pl-PL): the text of “{PolishForum}” is shown beside each field.");
        // Each field with the source's value beside it, read-only, marked as Polish.
        await Assertions.Expect(page.Locator("#f-TitlePart-source .source-text")).ToHaveTextAsync(PolishForum);
        await Assertions.Expect(page.Locator("#f-TitlePart-source .source-text")).ToHaveAttributeAsync("lang", "pl-PL");
        await Assertions.Expect(page.Locator("#f-Forum-PartnerCities-source")).ToContainTextAsync("Połock");
        await Assertions.Expect(page.GetByLabel("Language", new() { Exact = true })).ToHaveValueAsync("en-GB");
        await Assertions.Expect(MatrixRow(page, "en-GB")).ToContainTextAsync("Draft");
        await Assertions.Expect(MatrixRow(page, "en-GB")).ToContainTextAsync("(this item)");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "translate", page.Locator("#f-TitlePart-source"));
        var id = Regex.Match(page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value;
        Assert.NotEqual(source.ContentItemId, id);

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Polish-Belarusian Forum of Partner Cities, Gdańsk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        await Assertions.Expect(page.Locator("#f-TitlePart-source .source-text")).ToHaveTextAsync(PolishForum);
        await Assertions.Expect(MatrixRow(page, "en-GB")).ToContainTextAsync("Polish-Belarusian Forum of Partner Cities, Gdańsk");

        // In Polish: the same page, its texts translated, and axe-clean.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tłumaczenia" })).ToBeVisibleAsync();
        await Assertions.Expect(MatrixRow(page, "en-GB")).ToContainTextAsync("Szkic");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "translate", page.Locator("#f-TitlePart-source"));
        await Browser.ScreenshotAsync(page, "translation-matrix", page.GetByRole(AriaRole.Region, new() { Name = "Tłumaczenia" }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Opublikuj" }).ClickAsync();
        await Assertions.Expect(MatrixRow(page, "en-GB")).ToContainTextAsync("Opublikowana");
        var translation = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLatestAsync(id)))!;
        Assert.True(translation.Published);
        Assert.Equal("en-gb/" + source.Part("AutoroutePart")!["Path"]!.GetValue<string>(), translation.Part("AutoroutePart")!["Path"]!.GetValue<string>());

        // Back on the source: the translation is listed; once the source is saved again, the translation is outdated.
        await MatrixRow(page, "pl-PL").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(MatrixRow(page, "en-GB").GetByRole(AriaRole.Link)).ToHaveTextAsync("Polish-Belarusian Forum of Partner Cities, Gdańsk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();
        await Assertions.Expect(MatrixRow(page, "en-GB")).ToContainTextAsync("nieaktualne");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(MatrixRow(page, "en-GB")).ToContainTextAsync("Published, outdated");
        await MatrixRow(page, "en-GB").GetByRole(AriaRole.Link, new() { Name = "Update the translation into " + English }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-TitlePart-source .source-text")).ToHaveTextAsync(PolishForum);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(MatrixRow(page, "en-GB")).Not.ToContainTextAsync("outdated");
    }
}

/// <summary>An editor whose session ended while editing: the save sends them to sign in, and signing in brings them
/// back to the form with what they typed, unsaved, in a real browser checked with axe.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class ReloginTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    [Fact]
    public async Task AfterSigningInAgainTheEditorIsBackInTheFormWithTheTypedValuesAndSavesThem()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=pl-PL");
        await page.GetByRole(AriaRole.Link, new() { Name = "Polsko-Białoruskie Forum Miast Partnerskich" }).ClickAsync();
        var id = Regex.Match(page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value;
        await page.Locator("#f-Forum-Subtitle").FillAsync("Wpisane, zanim sesja wygasła");
        await page.Locator("#note").FillAsync("Poprawka podtytułu");

        // The session ends: the sign-in cookie is gone.
        await page.Context.ClearCookiesAsync(new() { Name = ".Twinning.Auth" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl="));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your session has ended. Sign in again to return to your form with the values you typed.");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/content/edit/{id}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The values you typed are back in the form");
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Wpisane, zanim sesja wygasła");
        await Assertions.Expect(page.Locator("#note")).ToHaveValueAsync("Poprawka podtytułu");
        await Browser.AssertAccessibleAsync(page);
        // Nothing was saved unseen.
        var stored = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLatestAsync(id)))!;
        Assert.NotEqual("Wpisane, zanim sesja wygasła", stored.Part("Forum")!["Subtitle"]?["Text"]?.GetValue<string>());
        // Given back once: reloading shows the stored item.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).Not.ToHaveValueAsync("Wpisane, zanim sesja wygasła");
    }

    [Fact]
    public async Task TheRestoredFormKeepsItsBaseVersionSoASaveOverANewerVersionIsRefused()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=pl-PL");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Polsko-Białoruskie Forum Miast Partnerskich" }).ClickAsync();
        var id = Regex.Match(page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value;
        await page.Locator("#f-Forum-Subtitle").FillAsync("Moja wersja");

        await page.Context.ClearCookiesAsync(new() { Name = ".Twinning.Auth" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sesja wygasła. Zaloguj się ponownie, aby wrócić do formularza z wpisanymi wartościami.");
        await Browser.AssertAccessibleAsync(page);
        // Meanwhile someone else saves the item.
        var current = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLatestAsync(id)))!;
        current.Part("Forum")!["Venue"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Dwór Artusa" };
        Assert.True((await app.SaveAsync(current, publish: false)).Succeeded);

        await page.GetByLabel("Nazwa użytkownika").FillAsync("admin");
        await page.GetByLabel("Hasło").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Moja wersja");
        await Browser.AssertAccessibleAsync(page);
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync(), Browser.IsFormPost);
        Assert.Equal(409, refused.Status);
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Moja wersja");
    }
}
