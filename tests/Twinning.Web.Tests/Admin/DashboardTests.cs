using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The editor's start page at /admin: their drafts and what changed recently, only what they may edit, in a
/// real browser, in English and Polish, checked with axe.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class DashboardTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";
    private const string Forum = "Polish-Belarusian Forum of Partner Cities";

    [Fact]
    public async Task AnEditorSeesTheirDraftsAndRecentChangesOfWhatTheyMayEdit()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=en-GB&q=Polish-Belarusian");
        await page.GetByRole(AriaRole.Link, new() { Name = Forum }).ClickAsync();
        await page.Locator("#f-Forum-Subtitle").FillAsync("Szkic administratora");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");
        var drafts = page.GetByRole(AriaRole.Region, new() { Name = "My drafts" });
        var recent = page.GetByRole(AriaRole.Region, new() { Name = "Recently changed" });
        await Assertions.Expect(drafts.GetByRole(AriaRole.Link, new() { Name = Forum })).ToHaveCountAsync(1);
        await Assertions.Expect(drafts.Locator("li").First).ToContainTextAsync("Forum · Draft");
        await Assertions.Expect(recent.Locator("li").First.GetByRole(AriaRole.Link)).ToHaveTextAsync(Forum);
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "dashboard");
        await drafts.GetByRole(AriaRole.Link, new() { Name = Forum }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Szkic administratora");

        // An author who may edit only their own items sees only those, in Polish.
        await app.DefineRoleAsync("Author", "EditOwnContent", "ViewContent", "PreviewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("autorka", null, Password, ["Author"])));
        var authorId = (await app.InScopeAsync(s => s.GetRequiredService<UserService>().FindAsync("autorka")))!.Id;
        var own = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("PartnerCity", VersionOptions.Latest)))[0];
        own.Owner = authorId;
        Assert.True((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(own, publish: false, "autorka"))).Succeeded);
        await using var author = await browser.OpenAnotherAsync(chromium);
        await author.SignInAsync("autorka", Password, "/admin");
        await author.Page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(author.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pulpit");
        await Assertions.Expect(author.Page.GetByRole(AriaRole.Region, new() { Name = "Moje szkice" }).GetByRole(AriaRole.Listitem).GetByRole(AriaRole.Link)).ToHaveTextAsync([own.DisplayText!]);
        await Assertions.Expect(author.Page.GetByRole(AriaRole.Region, new() { Name = "Ostatnio zmienione" }).GetByRole(AriaRole.Listitem).GetByRole(AriaRole.Link)).ToHaveTextAsync([own.DisplayText!]);
        await Browser.AssertAccessibleAsync(author.Page);
        await Browser.ScreenshotAsync(author.Page, "dashboard");
    }
}
