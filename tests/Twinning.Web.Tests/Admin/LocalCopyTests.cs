using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>The copy of an unsaved editor form that the browser keeps (admin-local-copy.js): offered back on return,
/// restored or discarded, forgotten after a save and on sign-out.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class LocalCopyTests(Chromium chromium)
{
    private const string Forum = "Polish-Belarusian Forum of Partner Cities";

    private static async Task<string> OpenForumAsync(IPage page)
    {
        await page.GotoAsync("/admin/content?type=Forum&culture=en-GB&q=Polish-Belarusian");
        await page.GetByRole(AriaRole.Link, new() { Name = Forum }).ClickAsync();
        return page.Url;
    }

    /// <summary>The copies this browser holds.</summary>
    /// <summary>No copy left in the browser's storage, waiting for the page's scripts: the page a save leads to deletes
    /// the copy from a module script, which runs after the page (and its status message) is shown.</summary>
    private static async Task NoCopyLeftAsync(IPage page)
        => await page.WaitForFunctionAsync("() => !Object.keys(localStorage).some(k => k.startsWith('twinning.local-copy:'))", null, new() { Timeout = 5000 });

    /// <summary>Leaving a changed form: the browser asks first, and the editor leaves anyway.</summary>
    private static void LeaveAnyway(IPage page) => page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

    [Fact]
    public async Task ValuesLeftUnsavedAreOfferedBackOnReturnRestoredAndForgottenOnceSaved()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        LeaveAnyway(page);
        await browser.SignInAsync("admin", Password, "/admin/content");
        var editor = await OpenForumAsync(page);
        var subtitle = page.Locator("#f-Forum-Subtitle");
        var stored = await subtitle.InputValueAsync();
        await subtitle.FillAsync("Niezapisany podtytuł");
        // Typed once the rich-text editor is ready (before that the box is the plain textarea it replaces).
        await Assertions.Expect(page.Locator("#f-HtmlBodyPart")).ToHaveAttributeAsync("role", "textbox");
        await page.Locator("#f-HtmlBodyPart").FillAsync("Niezapisany program");
        await page.GotoAsync("/admin/content");

        await page.GotoAsync(editor);
        var notice = page.Locator("[data-local-copy-notice]");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice.Locator("p").First).ToHaveTextAsync(new Regex(@"^You have unsaved changes from \d{1,2}:\d\d( [AP]M)? on this computer\.$"));
        // Nobody saved the item since: nothing to warn about.
        await Assertions.Expect(notice.Locator("[data-local-copy-older]")).ToBeHiddenAsync();
        await Assertions.Expect(subtitle).ToHaveValueAsync(stored);
        await Browser.AssertAccessibleAsync(page);

        await notice.GetByRole(AriaRole.Button, new() { Name = "Restore them" }).ClickAsync();
        await Assertions.Expect(notice).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-local-copy-status]")).ToHaveTextAsync("Your unsaved changes are back in the form.");
        await Assertions.Expect(subtitle).ToHaveValueAsync("Niezapisany podtytuł");
        await Assertions.Expect(page.Locator("#f-HtmlBodyPart")).ToHaveTextAsync("Niezapisany program");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        var saved = (await LatestAsync(app, IdFromUrl(page)))!;
        Assert.Equal("Niezapisany podtytuł", saved.Part("Forum")!["Subtitle"]!["Text"]!.GetValue<string>());
        // Typed over the stored text, which keeps its formatting.
        Assert.Contains(">Niezapisany program<", saved.Part("HtmlBodyPart")!["Html"]!.GetValue<string>(), StringComparison.Ordinal);
        await NoCopyLeftAsync(page);
        await page.GotoAsync(editor);
        await Assertions.Expect(subtitle).ToHaveValueAsync("Niezapisany podtytuł");
        await Assertions.Expect(page.Locator("[data-local-copy-notice]")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ACopyOfAnOlderVersionSaysSoAndItsSaveShowsWhatChangedDiscardDeletesACopyAndSigningOutEveryCopy()
    {
        using var app = NewApp();
        await using var first = await Browser.OpenAsync(chromium, app);
        await using var second = await first.OpenAnotherAsync(chromium);
        var page = first.Page;
        LeaveAnyway(page);
        await first.SignInAsync("admin", Password, "/admin/content");
        await second.SignInAsync("admin", Password, "/admin/content");
        var editor = await OpenForumAsync(page);
        var subtitle = page.Locator("#f-Forum-Subtitle");
        await subtitle.FillAsync("Mój podtytuł");
        await page.GotoAsync("/admin/content");

        // Someone else saves the item meanwhile.
        await second.Page.GotoAsync(editor);
        await second.Page.Locator("#f-Forum-Venue").FillAsync("Dwór Artusa");
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(second.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");

        await page.GotoAsync(editor);
        var notice = page.Locator("[data-local-copy-notice]");
        await Assertions.Expect(notice.Locator("[data-local-copy-older]")).ToHaveTextAsync(
            "The item was saved since: restoring puts your values over the newer version, and the save will then show what changed.");
        await Assertions.Expect(notice.Locator("[data-local-copy-older]")).ToBeVisibleAsync();
        await notice.GetByRole(AriaRole.Button, new() { Name = "Restore them" }).ClickAsync();
        await Assertions.Expect(subtitle).ToHaveValueAsync("Mój podtytuł");
        // The restored form is still based on the version it was typed on: its save is refused, showing the change.
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync(), Browser.IsFormPost);
        Assert.Equal(409, refused.Status);
        await Assertions.Expect(page.Locator(".error-summary").GetByRole(AriaRole.Row).Filter(new() { HasText = "Dwór Artusa" })).ToHaveCountAsync(1);
        await Assertions.Expect(subtitle).ToHaveValueAsync("Mój podtytuł");
        // Every restored value goes over the newer version: the editor takes the other's change in again.
        await page.Locator("#f-Forum-Venue").FillAsync("Dwór Artusa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        await NoCopyLeftAsync(page);

        // Discard deletes the copy; the form keeps what was saved.
        await subtitle.FillAsync("Odrzucony podtytuł");
        await page.GotoAsync("/admin/content");
        await page.GotoAsync(editor);
        await notice.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await Assertions.Expect(notice).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-local-copy-status]")).ToHaveTextAsync("Your unsaved changes were discarded.");
        await Assertions.Expect(subtitle).ToHaveValueAsync("Mój podtytuł");
        await NoCopyLeftAsync(page);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#f-Forum-Venue")).ToHaveValueAsync("Dwór Artusa");
        await Assertions.Expect(notice).ToBeHiddenAsync();

        // A copy is written a moment after typing stops, without leaving; signing out deletes it.
        await subtitle.FillAsync("Znowu niezapisany");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('twinning.local-copy:'))");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await NoCopyLeftAsync(page);
        await first.SignInAsync("admin", Password, editor[editor.IndexOf("/admin", StringComparison.Ordinal)..]);
        await Assertions.Expect(subtitle).ToHaveValueAsync("Mój podtytuł");
        await Assertions.Expect(notice).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ANewItemsCopyComesBackSayingWhatTheFormHasNoPlaceForAndGoesOnceTheItemIsSaved()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        LeaveAnyway(page);
        await browser.SignInAsync("admin", Password, "/admin/content/new/Forum");
        await page.Locator("#f-TitlePart").FillAsync("Forum bez zapisu");
        await page.Locator("#f-Forum-StartDate").FillAsync("2027-06-14T10:30");
        await page.Locator("#f-Forum-EndDate").FillAsync("2027-06-15T16:00");
        var cities = page.Locator("#f-Forum-PartnerCities");
        await Assertions.Expect(cities).ToHaveAttributeAsync("role", "combobox");
        await cities.FillAsync("Połock");
        await page.Locator("#f-Forum-PartnerCities__listbox").GetByRole(AriaRole.Option, new() { Name = "Połock (pl-PL)", Exact = true }).ClickAsync();
        await Assertions.Expect(PickerOf(cities).Locator(".picker-chosen > li > span")).ToHaveTextAsync(["Połock (pl-PL)"]);
        await page.GotoAsync("/admin/content");

        // The city chosen had no place in the new form: the page says so.
        await page.GotoAsync("/admin/content/new/Forum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore them" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-local-copy-status]")).ToHaveTextAsync(
            "Your unsaved changes are back in the form. 1 value could not be restored: the form has no place for it now (an item you had added to a list, for example).");
        await Assertions.Expect(page.Locator("#f-TitlePart")).ToHaveValueAsync("Forum bez zapisu");
        await Assertions.Expect(page.Locator("#f-Forum-StartDate")).ToHaveValueAsync("2027-06-14T10:30");

        // Saved, the new item's copy goes.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        Assert.Equal("Forum bez zapisu", (await LatestAsync(app, IdFromUrl(page)))!.DisplayText);
        await NoCopyLeftAsync(page);
    }
}
