using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The admin's accessibility statement: readable without signing in, in English and Polish, checked with axe,
/// and linked from the footer of the sign-in page and of every admin page.</summary>
[Collection(AdministrationBrowserTestGroup.Name)]
public sealed class AccessibilityStatementTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    private static ILocatorAssertions ExpectHeading(IPage page)
        => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }));

    private static ILocator FooterLink(IPage page, string name)
        => page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = name });

    [Fact]
    public async Task AnAnonymousVisitorReadsTheStatementWithTheConfiguredContactInEnglishAndPolish()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Setup:AdminPassword"] = Password,
            ["Twinning:Accessibility:ContactEmail"] = "dostepnosc@example.gdansk.pl",
        });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;

        // From the sign-in page's footer, without signing in.
        await page.GotoAsync("/account/login");
        await FooterLink(page, "Accessibility statement").ClickAsync();
        Assert.EndsWith("/admin/accessibility", page.Url, StringComparison.Ordinal);
        await ExpectHeading(page).ToHaveTextAsync("Accessibility statement");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Known limitations" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#accessibility-contact").GetByRole(AriaRole.Link, new() { Name = "dostepnosc@example.gdansk.pl" }))
            .ToHaveAttributeAsync("href", "mailto:dostepnosc@example.gdansk.pl");
        await Assertions.Expect(page.GetByText("WCAG 2.1")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Deklaracja dostępności");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zgłaszanie problemów" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#accessibility-contact")).ToContainTextAsync("dostepnosc@example.gdansk.pl");
        await Browser.AssertAccessibleAsync(page);

        // A signed-in admin page links to it too.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await browser.SignInAsync("admin", Password, "/admin/media");
        await ExpectHeading(page).ToHaveTextAsync("Media library");
        await FooterLink(page, "Accessibility statement").ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Accessibility statement");
    }

    [Fact]
    public async Task WithoutAContactAddressTheStatementSendsTheVisitorToTheSiteAdministrator()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;

        var response = await page.GotoAsync("/admin/accessibility");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("#accessibility-contact")).ToContainTextAsync("contact the administrator of this site");
        await Assertions.Expect(page.Locator("#accessibility-contact").GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
    }
}
