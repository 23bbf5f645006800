using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Twinning.Web.Tests.Admin;

/// <summary>The audit log's page, the users page's two-factor reset and the two-factor set-up page's QR code, in a
/// real browser against the real host, checked with axe.</summary>
[Collection(AdministrationBrowserTestGroup.Name)]
public sealed class AuditPageTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    private static ILocatorAssertions ExpectHeading(IPage page) => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }));

    private static TwinningApplication Start() => new(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });

    [Fact]
    public async Task AdministratorsListAndFilterTheLogInEnglishAndPolishWithoutSecretsAndOthersAreRefused()
    {
        using var app = Start();
        await using var browser = await Browser.OpenAsync(chromium, app);
        await app.DefineRoleAsync("Reader", Permissions.ViewContent);
        await app.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserService>();
            Assert.Empty(await users.CreateAsync("ola", null, Password, ["Reader"]));
            Assert.Empty(await users.CreateAsync("piotr", null, Password, ["Reader"]));
            // Ola has an authenticator app.
            var id = (await users.FindAsync("ola"))!.Id;
            var key = (await users.PendingAuthenticatorKeyAsync(id))!;
            Assert.True(await users.EnableTwoFactorAsync(id, Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow))));
            return true;
        });
        var page = browser.Page;
        await browser.SignInAsync("piotr", "not piotr's password", "/admin/content");
        await browser.SignInAsync("admin", Password, "/admin/users");

        // The users page: a temporary password for Piotr, and Ola's lost phone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Set a temporary password: piotr" }).ClickAsync();
        var notice = await page.GetByRole(AriaRole.Status).TextContentAsync();
        var temporary = System.Text.RegularExpressions.Regex.Match(notice!, "is ([A-Za-z0-9]{24}) ").Groups[1].Value;
        Assert.Equal(24, temporary.Length);
        await Assertions.Expect(page.Locator("tr[data-user='ola']")).ToContainTextAsync("Two-factor sign-in on");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset two-factor: ola" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Removed the authenticator app of 'ola'");
        await Assertions.Expect(page.Locator("tr[data-user='ola']")).Not.ToContainTextAsync("Two-factor sign-in on");
        Assert.False((await app.InScopeAsync(s => s.GetRequiredService<UserService>().FindAsync("ola")))!.TwoFactorEnabled);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Audit log");
        await Assertions.Expect(page.Locator("tr[data-action='UserPasswordReset']")).ToContainTextAsync("piotr");
        await Assertions.Expect(page.Locator("tr[data-action='UserTwoFactorReset']")).ToContainTextAsync("Two-factor sign-in reset");
        await Assertions.Expect(page.Locator("tr[data-action='SignInFailed']")).ToContainTextAsync("Wrong password.");
        Assert.DoesNotContain(temporary, await page.ContentAsync(), StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "audit");

        // By action, then by user, then a range of dates with nothing in it.
        await page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "Sign-in failed" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr")).ToContainTextAsync("piotr");
        await page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "All actions" });
        await page.GetByLabel("User").FillAsync("admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(3);
        Assert.Equal(["UserTwoFactorReset", "UserPasswordReset", "SignedIn"], await page.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)"));
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("From (UTC date)").FillAsync(tomorrow);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("No entries match.");

        // A date typed by hand into the address: the message next to the field, in Polish too.
        Assert.Equal(400, (await page.GotoAsync("/admin/audit?to=31.05.2026"))!.Status);
        await Assertions.Expect(page.GetByLabel("To (UTC date, included)")).ToHaveAccessibleDescriptionAsync("Enter a date as year-month-day between the years 1900 and 9998, such as 2026-05-31.");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Do (data UTC, włącznie)")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GotoAsync("/admin/audit");
        await ExpectHeading(page).ToHaveTextAsync("Dziennik zdarzeń");
        await Assertions.Expect(page.Locator("tr[data-action='UserTwoFactorReset']")).ToContainTextAsync("Zresetowano logowanie dwuskładnikowe");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "audit");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        // Fifty entries to a page, newest first.
        await app.InScopeAsync(async s =>
        {
            var audit = s.GetRequiredService<IAuditLog>();
            for (var i = 0; i < 60; i++)
            {
                audit.Record("ImportedByTest", $"item {i}", userName: "importer");
            }
            await s.GetRequiredService<TwinningDbContext>().SaveChangesAsync();
            return true;
        });
        await page.GotoAsync("/admin/audit?user=importer");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("item 59");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Entries 51–60 of 60, newest first");
        // Another feature's action is offered by its stored name.
        await Assertions.Expect(page.GetByLabel("Action").Locator("option[value='ImportedByTest']")).ToHaveTextAsync("ImportedByTest");

        // Someone without ViewAuditLog: no link, and 403.
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await browser.SignInAsync("ola", Password, "/admin/content");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        Assert.Equal(403, (await page.GotoAsync("/admin/audit"))!.Status);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task TheTwoFactorSetUpShowsAQrCodeThatReadsBackAsTheAuthenticatorAddressBesideTheKey()
    {
        using var app = Start();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/account/two-factor");

        var image = page.GetByRole(AriaRole.Img, new() { Name = "QR code of the authenticator key for admin: scan it with the authenticator app, or type the key shown beside it." });
        await Assertions.Expect(image).ToBeVisibleAsync();
        var key = await page.Locator("#authenticator-key").TextContentAsync();
        Assert.Matches("^[A-Z2-7]{32}$", key);
        await Browser.AssertAccessibleAsync(page);

        // The browser draws the SVG on a canvas; ZXing reads the pixels.
        const int size = 400;
        var rgba = await page.EvaluateAsync<int[]>("""
            async size => {
                const svg = document.querySelector('.qr-code svg').cloneNode(true);
                svg.setAttribute('width', size);
                svg.setAttribute('height', size);
                const image = new Image();
                image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
                await image.decode();
                const canvas = document.createElement('canvas');
                canvas.width = canvas.height = size;
                const context = canvas.getContext('2d');
                context.drawImage(image, 0, 0, size, size);
                return Array.from(context.getImageData(0, 0, size, size).data);
            }
            """, size);
        var source = new RGBLuminanceSource(rgba.Select(b => (byte)b).ToArray(), size, size, RGBLuminanceSource.BitmapFormat.RGBA32);
        var read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(read);
        Assert.Equal(Totp.Uri("Twinning", "admin", key!), read.Text);
        Assert.StartsWith("otpauth://totp/Twinning:admin?secret=" + key + "&issuer=Twinning", read.Text, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Kod QR klucza uwierzytelniającego dla admin: zeskanuj go aplikacją uwierzytelniającą albo wpisz klucz podany obok." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#authenticator-key")).ToHaveTextAsync(key!);
        await Browser.AssertAccessibleAsync(page);
    }
}
