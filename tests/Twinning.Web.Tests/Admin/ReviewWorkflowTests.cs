using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>An author who may edit but not publish saves a draft and asks for a review; an editor who may publish finds
/// it under "Waiting for review" on the dashboard, publishes it, and the list no longer shows it.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class ReviewWorkflowTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";
    private const string Forum = "Polish-Belarusian Forum of Partner Cities";

    [Fact]
    public async Task AnAuthorAsksForAReviewAndAnEditorPublishesTheDraftFromTheDashboard()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        await app.DefineRoleAsync("Author", "EditContent", "ViewContent", "PreviewContent");
        await app.DefineRoleAsync("Publisher", "EditContent", "PublishContent", "ViewContent", "PreviewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("anna", null, Password, ["Author"])));
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("piotr", null, Password, ["Publisher"])));
        var forum = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Latest))).First(f => f.DisplayText == Forum);

        var page = browser.Page;
        await browser.SignInAsync("anna", Password, "/admin/content/edit/" + forum.ContentItemId);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true })).ToHaveCountAsync(0);
        await page.Locator("#f-Forum-Subtitle").FillAsync("Szkic do recenzji");
        await page.Locator("#note").FillAsync("Please check the dates.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and ask for review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft and sent for review.");
        await Assertions.Expect(page.Locator(".review-request")).ToContainTextAsync("anna asked for a review on");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true })).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page);
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "My requests for review" }).GetByRole(AriaRole.Link)).ToHaveTextAsync([Forum]);

        await using var editor = await browser.OpenAnotherAsync(chromium);
        await editor.SignInAsync("piotr", Password, "/admin");
        var waiting = editor.Page.GetByRole(AriaRole.Region, new() { Name = "Waiting for review" });
        await Assertions.Expect(waiting.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Assertions.Expect(waiting.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Forum: asked by anna on");
        await Assertions.Expect(waiting.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Note: “Please check the dates.”");
        await Browser.AssertAccessibleAsync(editor.Page);
        await waiting.GetByRole(AriaRole.Link, new() { Name = Forum }).ClickAsync();
        await Assertions.Expect(editor.Page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Szkic do recenzji");
        await Assertions.Expect(editor.Page.Locator(".review-request")).ToContainTextAsync("Note: “Please check the dates.”");
        await editor.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved and published.");
        await Assertions.Expect(editor.Page.Locator(".review-request")).ToHaveCountAsync(0);

        await editor.Page.GotoAsync("/admin");
        await Assertions.Expect(waiting).ToContainTextAsync("Nothing is waiting for review.");
        await Assertions.Expect(waiting.GetByRole(AriaRole.Link, new() { Name = Forum })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAuthorWhoMayNotPublishCreatesADraftAndAsksForAReview()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        await app.DefineRoleAsync("Author", "EditContent", "ViewContent", "PreviewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("anna", null, Password, ["Author"])));
        var page = browser.Page;

        // The admin's "Save draft" of a new item takes EditContent (Orchard's admin); only publishing takes more.
        await browser.SignInAsync("anna", Password, "/admin/content/new/Organization");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true })).ToHaveCountAsync(0);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Stowarzyszenie Miast Partnerskich");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and ask for review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft and sent for review.");
        var created = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Organization", VersionOptions.Latest)))
            .Single(o => o.DisplayText == "Stowarzyszenie Miast Partnerskich");
        Assert.False(created.Published);
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "My requests for review" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Stowarzyszenie Miast Partnerskich"]);
    }
}
