using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The admin shell (layout, language switch, sign-out, refusals) in a real browser, checked with axe.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class AdminShellTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    private async Task<(TwinningApplication App, Browser Browser)> StartAsync()
    {
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        return (app, await Browser.OpenAsync(chromium, app));
    }

    private static Task AssertAccessibleAsync(IPage page) => Browser.AssertAccessibleAsync(page);

    private static ILocatorAssertions ExpectHeading(IPage page)
        => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }));

    private static async Task UploadAsync(IPage page, string label, string button)
    {
        await page.GetByLabel(label).SetInputFilesAsync(new FilePayload { Name = "herb.png", MimeType = "image/png", Buffer = TestImages.Png(8, 8) });
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }

    [Fact]
    public async Task TheSignInAndMediaPagesPassAnAxeCheckInEnglishAndInPolish()
    {
        var (app, browser) = await StartAsync();
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;

        await page.GotoAsync("/account/login?returnUrl=%2Fadmin%2Fmedia");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pl-PL");
        await ExpectHeading(page).ToHaveTextAsync("Logowanie");
        await AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "sign-in");

        await page.GetByLabel("Nazwa użytkownika").FillAsync("admin");
        await page.GetByLabel("Hasło").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Biblioteka mediów");
        await UploadAsync(page, "Pliki", "Wyślij");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Wysłano: herb.png.");
        await AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "media-library");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Media library");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("tr[data-path='herb.png']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "media-library");
    }

    [Fact]
    public async Task TheChosenLanguageStaysForTheNextPagesAndTheSwitchReturnsToTheSamePage()
    {
        var (app, browser) = await StartAsync();
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/media");
        await ExpectHeading(page).ToHaveTextAsync("Media library");

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(MediaLibraryUrl());
        await ExpectHeading(page).ToHaveTextAsync("Biblioteka mediów");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Polski" })).ToHaveAttributeAsync("aria-current", "true");
        await page.GotoAsync("/account/login");
        await ExpectHeading(page).ToHaveTextAsync("Logowanie");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Zalogowano jako admin.");
    }

    [Fact]
    public async Task SigningOutInTheShellEndsTheSession()
    {
        var (app, browser) = await StartAsync();
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/media");
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Signed in as admin");

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await Assertions.Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await page.GotoAsync("/admin/media");
        await Assertions.Expect(page).ToHaveURLAsync(LoginThenMediaLibraryUrl());
    }

    [Fact]
    public async Task ARefusalIsAPageOfTheShell()
    {
        var (app, browser) = await StartAsync();
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await app.DefineRoleAsync("Reader", "AccessContentApi");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("czytelnik", null, Password, ["Reader"])));
        await browser.SignInAsync("czytelnik", Password, "/account/login");

        var response = await page.GotoAsync("/admin/media");

        Assert.Equal(403, response!.Status);
        await ExpectHeading(page).ToHaveTextAsync("Not allowed");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your role may not open this part of the media library.");
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task TheSkipLinkIsTheFirstStopAndTakesTheKeyboardToTheMainContent()
    {
        var (app, browser) = await StartAsync();
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        // The stylesheet is served: the link waits above the page until it has focus.
        Assert.True((await skip.BoundingBoxAsync())!.Y < 0);

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        Assert.True((await skip.BoundingBoxAsync())!.Y >= 0);
        Assert.NotEqual("none", await skip.EvaluateAsync<string>("a => getComputedStyle(a).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }

    [GeneratedRegex("/admin/media$")]
    private static partial Regex MediaLibraryUrl();

    [GeneratedRegex("/account/login$")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/account/login\\?ReturnUrl=%2Fadmin%2Fmedia$")]
    private static partial Regex LoginThenMediaLibraryUrl();
}
