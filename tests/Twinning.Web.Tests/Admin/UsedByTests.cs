using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>"Used by" on the editor, from the reference index, and the question asked before deleting an item that other
/// items name, over the municipal recipe: the partner city Połock, named by two Polish forums.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class UsedByTests(Chromium chromium)
{
    private const string ForumOne = "Polsko-Białoruskie Forum Miast Partnerskich";
    private const string ForumTwo = "Wizyty gości z Białorusi w miastach partnerskich";

    [Fact]
    public async Task TheEditorListsTheItemsUsingAnItemAndDeletingItAsksFirstNamingThem()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var cities = await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.ListAsync("PartnerCity", VersionOptions.Latest));
        var polotsk = cities.Single(c => c.DisplayText == "Połock").ContentItemId;
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + polotsk);

        // The forums that name it, by title linking to their editors, with their type and the fields naming it.
        var usedBy = page.Locator("section.used-by");
        await Assertions.Expect(usedBy.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Used by");
        await Assertions.Expect(usedBy.GetByRole(AriaRole.Link)).ToHaveTextAsync([ForumOne, ForumTwo]);
        await Assertions.Expect(usedBy.Locator("li").First).ToHaveTextAsync($"{ForumOne} (Forum, fields: Our partner cities involved, Participating places › Partner city record)");
        await Assertions.Expect(usedBy.Locator("li").Nth(1)).ToHaveTextAsync($"{ForumTwo} (Forum, field: Our partner cities involved)");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "used-by", usedBy);
        await usedBy.GetByRole(AriaRole.Link, new() { Name = ForumTwo }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ForumTwo);
        // That forum is named by the other one (its side events); a forum nothing names has no such section.
        await Assertions.Expect(page.Locator("section.used-by").GetByRole(AriaRole.Link)).ToHaveTextAsync([ForumOne]);
        var forums = await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.ListAsync("Forum", VersionOptions.Latest));
        await page.GotoAsync("/admin/content/edit/" + forums.Single(f => f.DisplayText == ForumOne).ContentItemId);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Used by" })).ToHaveCountAsync(0);

        // Deleting it from its editor: asked first, naming the forums; Cancel goes back to the editor, the item kept.
        await page.GotoAsync("/admin/content/edit/" + polotsk);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this item" }).ClickAsync();
        var question = page.Locator("section.confirm-delete");
        await Assertions.Expect(question).ToBeFocusedAsync();
        await Assertions.Expect(question.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Delete “Połock”?");
        await Assertions.Expect(question.Locator("p").First).ToHaveTextAsync("“Połock” is used by 2 items:");
        await Assertions.Expect(question.GetByRole(AriaRole.Link, new() { Name = ForumOne })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "delete-used-item", question);
        await question.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/content/edit/" + polotsk + "$"));
        Assert.NotNull(await LatestAsync(app, polotsk));

        // In Polish, the section and the question.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.used-by h2")).ToHaveTextAsync("Używane w");
        await Assertions.Expect(page.Locator("section.used-by li").Nth(1)).ToContainTextAsync("(Forum, pole: ");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "used-by", page.Locator("section.used-by"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Usuń tę pozycję" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.confirm-delete p").First).ToHaveTextAsync("Pozycja „Połock” jest używana w 2 pozycjach:");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "delete-used-item", page.Locator("section.confirm-delete"));

        // Without scripts, from its row in the list: asked the same, and "Delete anyway" deletes it.
        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        var plain = withoutScripts.Page;
        await withoutScripts.SignInAsync("admin", Password, "/admin/content?type=PartnerCity");
        await plain.GetByRole(AriaRole.Button, new() { Name = "Delete Połock", Exact = true }).ClickAsync();
        await Assertions.Expect(plain.Locator("section.confirm-delete").GetByRole(AriaRole.Link)).ToHaveTextAsync([ForumOne, ForumTwo, "Cancel"]);
        Assert.NotNull(await LatestAsync(app, polotsk));
        await browser.AssertAccessibleWithoutScriptsAsync(plain);
        await plain.GetByRole(AriaRole.Button, new() { Name = "Delete anyway" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Deleted “Połock”.");
        Assert.Null(await LatestAsync(app, polotsk));
    }

    [Fact]
    public async Task BulkDeleteRefusesAnItemThatOthersUseAndSaysWhichDeletesTheOthers()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var forums = await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.ListAsync("Forum", VersionOptions.Latest));
        // A forum nothing names (its panels are its list's children, not references) and one a Polish forum names.
        const string unusedTitle = "Polish-Belarusian Forum of Partner Cities";
        var unused = forums.Single(f => f.DisplayText == unusedTitle).ContentItemId;
        var used = forums.Single(f => f.DisplayText == ForumTwo).ContentItemId;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.GetByLabel($"Select “{unusedTitle}”").CheckAsync();
        await page.GetByLabel($"Select “{ForumTwo}”").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete selected", Exact = true }).ClickAsync();
        var report = page.Locator(".bulk-results");
        await Assertions.Expect(report.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done: 1. Refused: 1.");
        await Assertions.Expect(report.Locator("li.bulk-refused")).ToHaveTextAsync(
            $"“{ForumTwo}” was not deleted: used by 1 item: “{ForumOne}”. Delete it on its own, from its row or its editor, to confirm.");
        await Browser.AssertAccessibleAsync(page);
        Assert.Null(await LatestAsync(app, unused));
        Assert.NotNull(await LatestAsync(app, used));
    }
}
