using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The users pages and the change-password page in a real browser, in English and Polish, checked with axe,
/// with errors shown next to their fields.</summary>
[Collection(AdministrationBrowserTestGroup.Name)]
public sealed class AccountPagesTests(Chromium chromium)
{
    private const string AdminPassword = "the administrator's passphrase";
    private const string Temporary = "a temporary passphrase";
    private const string Own = "the editor's own passphrase";

    private static ILocatorAssertions ExpectHeading(IPage page)
        => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }));

    private static Task ClickAsync(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    [Fact]
    public async Task AnAdministratorCreatesAUserWhoChangesTheTemporaryPasswordAtFirstSignIn()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = AdminPassword });
        await using var browser = await Browser.OpenAsync(chromium, app);
        await app.DefineRoleAsync("Editor", Permissions.AccessContentApi, Permissions.EditContent, Permissions.ManageMediaContent);
        var page = browser.Page;

        await browser.SignInAsync("admin", AdminPassword, "/admin/users");
        await ExpectHeading(page).ToHaveTextAsync("Users");
        await Assertions.Expect(page.Locator("tr[data-user='admin']")).ToContainTextAsync("Administrator");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "New user" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("New user");
        await Browser.AssertAccessibleAsync(page);
        // Everything wrong at once: each message next to its field, the page still accessible.
        await page.GetByLabel("Role").SelectOptionAsync("Editor");
        await page.GetByLabel("Temporary password").FillAsync("short");
        await ClickAsync(page, "Create user");
        await Assertions.Expect(page.Locator("#userName-error")).ToHaveTextAsync("Enter a user name.");
        await Assertions.Expect(page.Locator("#temporaryPassword-error")).ToHaveTextAsync("The password must have at least 12 characters.");
        await Assertions.Expect(page.GetByLabel("User name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "new-user-refused");
        // The same refusal in Polish, for the Polish guide.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await page.GetByLabel("Rola").SelectOptionAsync("Editor");
        await page.GetByLabel("Hasło tymczasowe").FillAsync("short");
        await ClickAsync(page, "Utwórz użytkownika");
        await Assertions.Expect(page.Locator("#temporaryPassword-error")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "new-user-refused");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByLabel("Role").SelectOptionAsync("Editor");

        await page.GetByLabel("User name").FillAsync("redaktor");
        await page.GetByLabel("Temporary password").FillAsync(Temporary);
        await ClickAsync(page, "Create user");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Created the user redaktor");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.Locator("tr[data-user='redaktor']")).ToContainTextAsync("Must change the password");
        await ClickAsync(page, "Sign out");
        await page.GotoAsync("/account/login?returnUrl=%2Fadmin%2Fmedia");

        // The new user, in Polish: sent to change the temporary password first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await page.GetByLabel("Nazwa użytkownika").FillAsync("redaktor");
        await page.GetByLabel("Hasło").FillAsync(Temporary);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Zmiana hasła");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("hasłem tymczasowym");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Obecne hasło", new() { Exact = true }).FillAsync("not the temporary one");
        await page.GetByLabel("Nowe hasło", new() { Exact = true }).FillAsync(Own);
        await page.GetByLabel("Powtórz nowe hasło").FillAsync("something else entirely");
        await ClickAsync(page, "Zmień hasło");
        await Assertions.Expect(page.Locator("#currentPassword-error")).ToHaveTextAsync("Obecne hasło jest nieprawidłowe.");
        await Assertions.Expect(page.Locator("#confirmPassword-error")).ToHaveTextAsync("Powtórzone hasło różni się od nowego.");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Obecne hasło", new() { Exact = true }).FillAsync(Temporary);
        await page.GetByLabel("Nowe hasło", new() { Exact = true }).FillAsync(Own);
        await page.GetByLabel("Powtórz nowe hasło").FillAsync(Own);
        await ClickAsync(page, "Zmień hasło");
        await ExpectHeading(page).ToHaveTextAsync("Biblioteka mediów");
        // An editor without ManageUsers sees no Users link, and the page refuses them.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Użytkownicy" })).ToHaveCountAsync(0);
        var refused = await page.GotoAsync("/admin/users");
        Assert.Equal(403, refused!.Status);
    }

    [Fact]
    public async Task AnAdministratorDisablesAUserAndSetsATemporaryPasswordShownOnce()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = AdminPassword });
        await using var browser = await Browser.OpenAsync(chromium, app);
        await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("redaktor", null, Own, []));
        var page = browser.Page;
        await browser.SignInAsync("admin", AdminPassword, "/admin/users");

        await page.GetByRole(AriaRole.Button, new() { Name = "Disable redaktor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Disabled the user redaktor; their sessions have ended.");
        await Assertions.Expect(page.Locator("tr[data-user='redaktor']")).ToContainTextAsync("Disabled");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Set a temporary password: redaktor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The temporary password of redaktor is");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Użytkownicy");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tr[data-user='redaktor']")).ToContainTextAsync("Musi zmienić hasło");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "users");
    }

    [Fact]
    public async Task AnAdministratorTurnsOnTwoFactorSignInAndSignsInWithACode()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = AdminPassword });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", AdminPassword, "/admin/users");

        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor sign-in" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Two-factor sign-in");
        await Browser.AssertAccessibleAsync(page);
        var key = await page.Locator("#authenticator-key").TextContentAsync();
        await page.GetByLabel("Code from the authenticator app").FillAsync("000000" == Code(key!, 0) ? "111111" : "000000");
        await ClickAsync(page, "Turn on");
        await Assertions.Expect(page.Locator("#code-error")).ToContainTextAsync("The code is wrong");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Code from the authenticator app").FillAsync(Code(key!, 0));
        await ClickAsync(page, "Turn on");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Two-factor sign-in is now on.");
        await Browser.AssertAccessibleAsync(page);
        await ClickAsync(page, "Sign out");

        await page.GotoAsync("/account/login?returnUrl=%2Fadmin%2Fusers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await page.GetByLabel("Nazwa użytkownika").FillAsync("admin");
        await page.GetByLabel("Hasło").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Kod uwierzytelniający");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Kod z aplikacji uwierzytelniającej").FillAsync(Code(key!, 1));
        await ClickAsync(page, "Sprawdź");
        await ExpectHeading(page).ToHaveTextAsync("Użytkownicy");
    }

    private static string Code(string key, int stepsAhead) => Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow) + stepsAhead);
}
