using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>The content editor at /admin/content/new/{type} and /admin/content/edit/{id}, derived from the municipal
/// recipe's definitions, in a real browser, checked with axe.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContentEditorTests(Chromium chromium)
{
    private static ILocatorAssertions ExpectHeading(IPage page)
        => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }));

    private static Task<int> CountAsync(TwinningApplication app, string type)
        => app.InScopeAsync(async s => (await s.GetRequiredService<ContentStore>().ListAsync(type, VersionOptions.Latest)).Count);

    [Fact]
    public async Task AForumIsCreatedFromItsDefinitionSavedAsADraftAndPublished()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum");
        await page.GetByRole(AriaRole.Link, new() { Name = "New item: Forum" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("New Forum");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Forum Miast Partnerskich 2027");
        await page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync("pl-PL");
        // A date and time in the site's time zone (Europe/Warsaw, summer time: UTC+2), stored in UTC.
        await Assertions.Expect(page.Locator(".field", new() { Has = page.Locator("#f-Forum-StartDate") })).ToContainTextAsync("Time zone: Europe/Warsaw");
        await page.Locator("#f-Forum-StartDate").FillAsync("2027-06-14T10:30");
        await page.Locator("#f-Forum-EndDate").FillAsync("2027-06-15T16:00");
        await page.Locator("#f-Forum-EditionNumber").FillAsync("3");
        await page.Locator("#f-Forum-Location").FillAsync("54.35");
        await page.Locator("#f-Forum-Location-Longitude").FillAsync("18.65");
        await page.Locator("#f-Forum-PartnerCities").FillAsync("Połock");
        await page.Locator("#f-Forum-PartnerCities__listbox").GetByRole(AriaRole.Option, new() { Name = "Połock (pl-PL)", Exact = true }).ClickAsync();
        await page.Locator("#f-HtmlBodyPart").FillAsync("Program forum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        var id = IdFromUrl(page);
        var saved = (await LatestAsync(app, id))!;
        Assert.False(saved.Published);
        Assert.Equal("Forum Miast Partnerskich 2027", saved.DisplayText);
        Assert.Equal("2027-06-14T08:30:00Z", saved.Part("Forum")!["StartDate"]!["Value"]!.GetValue<string>());
        Assert.Equal(3m, saved.Part("Forum")!["EditionNumber"]!["Value"]!.GetValue<decimal>());
        Assert.Single(saved.Part("Forum")!["PartnerCities"]!["ContentItemIds"]!.AsArray());
        Assert.Equal("<p>Program forum</p>", saved.Part("HtmlBodyPart")!["Html"]!.GetValue<string>());
        // The form shows the stored values again, the time in the site's zone.
        await Assertions.Expect(page.Locator("#f-Forum-StartDate")).ToHaveValueAsync("2027-06-14T10:30");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "editor");

        // Clearing a value clears it.
        await page.Locator("#f-Forum-EditionNumber").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved and published.");
        saved = (await LatestAsync(app, id))!;
        Assert.True(saved.Published);
        Assert.Null(saved.Part("Forum")!["EditionNumber"]!["Value"]);
        // The same editor in Polish.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "editor");

        // Every creatable type of the recipe has its editor, and each passes axe.
        foreach (var type in new[] { "Panel", "PartnerCity", "PartnershipAgreement", "Gallery", "ContactPoint", "Organization", "Project", "Document", "Taxonomy" })
        {
            var response = await page.GotoAsync("/admin/content/new/" + type);
            Assert.Equal(200, response!.Status);
            await Browser.AssertAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task RefusedValuesAreShownNextToTheirFieldsInTheEditorsLanguageAndNothingIsWritten()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content/new/Forum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Nowa pozycja: Forum");
        var before = await CountAsync(app, "Forum");

        await page.Locator("#f-Forum-Subtitle").FillAsync("Podtytuł, który zostaje");
        await page.Locator("#f-Forum-EditionNumber").FillAsync("trzecia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Błąd: "));
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Wystąpił problem");
        await Assertions.Expect(page.Locator("#f-Forum-EditionNumber-error")).ToContainTextAsync("„trzecia” nie jest liczbą.");
        await Assertions.Expect(page.Locator("#f-Forum-EditionNumber")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Podtytuł, który zostaje");
        await Assertions.Expect(page.Locator("#f-Forum-EditionNumber")).ToHaveValueAsync("trzecia");
        await Browser.AssertAccessibleAsync(page);
        // The summary's link takes the focus to the field.
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("#f-Forum-EditionNumber")).ToBeFocusedAsync();

        // Once the number reads, the rule set's own refusal (a forum needs its end) comes back the same way.
        await page.Locator("#f-Forum-EditionNumber").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Forum-EndDate-error")).ToContainTextAsync("Koniec: to pole jest wymagane.");
        await Assertions.Expect(page.Locator("#f-Forum-EditionNumber-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Podtytuł, który zostaje");

        // A municipal rule's message (the API answers it in English) is Polish too, next to its field and in the summary.
        await page.Locator("#f-Forum-StartDate").FillAsync("2027-06-15T10:30");
        await page.Locator("#f-Forum-EndDate").FillAsync("2027-06-14T16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();
        const string endsBeforeStart = "Forum musi kończyć się po rozpoczęciu: zaczyna się 2027-06-15 10:30, a kończy 2027-06-14 16:00 (Europe/Warsaw).";
        await Assertions.Expect(page.Locator("#f-Forum-EndDate-error")).ToContainTextAsync(endsBeforeStart);
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Koniec: " + endsBeforeStart);
        await Assertions.Expect(page.Locator("#f-Forum-EndDate")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "refused-save");
        Assert.Equal(before, await CountAsync(app, "Forum"));
    }

    [Fact]
    public async Task AnImageNeedsAlternativeTextUnlessItIsMarkedDecorative()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content/new/Organization");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Urząd Miejski");
        await page.GetByLabel("File 1: path").FillAsync("gallery/bialystok-2013/photo-1.jpg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Organization-Logo-alt-0-error")).ToContainTextAsync("the image photo-1.jpg needs an alternative text");
        await Assertions.Expect(page.GetByLabel("File 1: path")).ToHaveValueAsync("gallery/bialystok-2013/photo-1.jpg");

        await page.GetByLabel("File 1: alternative text").FillAsync("photo-1.jpg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Organization-Logo-alt-0-error")).ToContainTextAsync("is its file name");

        await page.GetByLabel("File 1: alternative text").FillAsync("Herb miasta: złoty lew na czerwonym polu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        var logo = (await LatestAsync(app, IdFromUrl(page)))!.Part("Organization")!["Logo"]!;
        Assert.Equal("Herb miasta: złoty lew na czerwonym polu", logo["MediaTexts"]![0]!.GetValue<string>());

        await page.GetByLabel("File 1: decorative only (no alternative text)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        logo = (await LatestAsync(app, IdFromUrl(page)))!.Part("Organization")!["Logo"]!;
        Assert.Equal("", logo["MediaTexts"]![0]!.GetValue<string>());
        await Browser.AssertAccessibleAsync(page);
    }

    private static async Task<string> OpenForumAsync(IPage page)
    {
        await page.GotoAsync("/admin/content?type=Forum&culture=en-GB&q=Polish-Belarusian");
        await page.GetByRole(AriaRole.Link, new() { Name = "Polish-Belarusian Forum of Partner Cities" }).ClickAsync();
        return IdFromUrl(page);
    }

    [Fact]
    public async Task ASaveOverANewerVersionIsRefusedShowingWhatChangedAndKeepingTheTypedValues()
    {
        using var app = NewApp();
        await using var first = await Browser.OpenAsync(chromium, app);
        await using var second = await first.OpenAnotherAsync(chromium);
        await first.SignInAsync("admin", Password, "/admin/content");
        await second.SignInAsync("admin", Password, "/admin/content");
        var id = await OpenForumAsync(first.Page);
        await first.Page.Locator("#f-Forum-Subtitle").FillAsync("Pierwsza zmiana");
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(first.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");

        // Both editors now work on the same draft; a draft saved over a draft keeps its version id, so the form's
        // version alone would not tell them apart.
        await OpenForumAsync(second.Page);
        await first.Page.Locator("#f-Forum-Subtitle").FillAsync("Druga zmiana");
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(first.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");

        await second.Page.Locator("#f-Forum-Venue").FillAsync("Dwór Artusa");
        var refused = await second.Page.RunAndWaitForResponseAsync(
            () => second.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync(), Browser.IsFormPost);
        Assert.Equal(409, refused.Status);
        var alert = second.Page.Locator(".error-summary");
        await Assertions.Expect(alert.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Someone else saved this item meanwhile");
        await Assertions.Expect(alert.GetByRole(AriaRole.Row).Filter(new() { HasText = "Druga zmiana" })).ToHaveCountAsync(1);
        // Only what the other editor changed: the venue this editor typed is not reported as changed meanwhile, though
        // the draft it started from was saved over (found among the item's revisions).
        await Assertions.Expect(alert.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(second.Page.Locator("#f-Forum-Venue")).ToHaveValueAsync("Dwór Artusa");
        await Browser.AssertAccessibleAsync(second.Page);
        await Browser.ScreenshotAsync(second.Page, "conflict");
        var stored = (await LatestAsync(app, id))!.Part("Forum")!;
        Assert.Equal("Druga zmiana", stored["Subtitle"]!["Text"]!.GetValue<string>());
        Assert.NotEqual("Dwór Artusa", stored["Venue"]!["Text"]!.GetValue<string>());

        // Having seen the changes, the editor saves again: the form is now based on the current version.
        await second.Page.Locator("#f-Forum-Subtitle").FillAsync("Druga zmiana");
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(second.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        stored = (await LatestAsync(app, id))!.Part("Forum")!;
        Assert.Equal("Dwór Artusa", stored["Venue"]!["Text"]!.GetValue<string>());
        Assert.Equal("Druga zmiana", stored["Subtitle"]!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task LeavingAFormWithUnsavedChangesAsksFirstAndAnUnchangedFormDoesNot()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content");
        await OpenForumAsync(page);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.DismissAsync();
        };

        // Closing the window (as leaving the page) runs the page's beforeunload handler.
        await page.Locator("#f-Forum-Subtitle").FillAsync("Niezapisany tekst");
        var asked = new TaskCompletionSource();
        page.Dialog += (_, _) => asked.TrySetResult();
        await page.CloseAsync(new() { RunBeforeUnload = true });
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["beforeunload"], dialogs);
        Assert.False(page.IsClosed);
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Niezapisany tekst");

        // An unchanged form lets the editor go without asking.
        var clean = await page.Context.NewPageAsync();
        var cleanDialogs = 0;
        clean.Dialog += async (_, dialog) =>
        {
            cleanDialogs++;
            await dialog.DismissAsync();
        };
        await clean.GotoAsync(page.Url);
        await Assertions.Expect(clean.Locator("#f-Forum-Subtitle")).Not.ToHaveValueAsync("Niezapisany tekst");
        await clean.Locator("#f-Forum-Subtitle").ClickAsync();
        var closed = new TaskCompletionSource();
        clean.Close += (_, _) => closed.TrySetResult();
        await clean.CloseAsync(new() { RunBeforeUnload = true });
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, cleanDialogs);
    }

    [Fact]
    public async Task AChangeMadeOnlyWithAPickersButtonsOrARichTextShortcutAlsoAsksBeforeLeaving()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        await browser.SignInAsync("admin", Password, "/admin/content");
        await OpenForumAsync(browser.Page);
        var address = browser.Page.Url;
        var changes = new (string What, Func<IPage, Task> Make)[]
        {
            // Moving or removing a chosen partner city types nothing into the form.
            ("a partner city moved down", page => page.Locator("[data-content-picker] [data-action=down]").First.ClickAsync()),
            ("a partner city removed", page => page.Locator("[data-content-picker] [data-action=remove]").First.ClickAsync()),
            // Bold by its shortcut changes the text without a key that types.
            ("the text made bold", async page =>
            {
                await page.Locator("#f-HtmlBodyPart").FocusAsync();
                await page.Keyboard.PressAsync("Control+a");
                await page.Keyboard.PressAsync("Control+b");
                await Assertions.Expect(page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = "Bold" })).ToHaveAttributeAsync("aria-pressed", "true");
            }),
        };
        foreach (var (what, make) in changes)
        {
            var page = await browser.Page.Context.NewPageAsync();
            await page.GotoAsync(address);
            var asked = new TaskCompletionSource<string>();
            page.Dialog += async (_, dialog) =>
            {
                asked.TrySetResult(dialog.Type);
                await dialog.DismissAsync();
            };
            await make(page);
            await page.CloseAsync(new() { RunBeforeUnload = true });
            Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.False(page.IsClosed, what);
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task AForumsPanelsAreListedInOrderOnItsPageAndANewPanelJoinsTheEnd()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=pl-PL&q=Polsko");
        await page.GetByRole(AriaRole.Link, new() { Name = "Polsko-Białoruskie Forum Miast Partnerskich" }).ClickAsync();
        var forumId = IdFromUrl(page);
        var panels = page.Locator("ol.children > li > a");
        await Assertions.Expect(panels).ToHaveTextAsync(["Panel samorządowy", "Panel gospodarczy", "Panel obywatelski przedstawicieli organizacji pozarządowych"]);
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "forum-panels", page.Locator("ol.children"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dodaj: Panel" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "forum-panels", page.Locator("ol.children"));
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add: Panel" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("New Panel");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Panel młodzieżowy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        var contained = (await LatestAsync(app, IdFromUrl(page)))!.Part("ContainedPart")!;
        Assert.Equal(forumId, contained["ListContentItemId"]!.GetValue<string>());
        Assert.Equal(3, contained["Order"]!.GetValue<int>());

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the list this item belongs to" }).ClickAsync();
        await Assertions.Expect(panels).ToHaveTextAsync(["Panel samorządowy", "Panel gospodarczy", "Panel obywatelski przedstawicieli organizacji pozarządowych", "Panel młodzieżowy"]);
        await Assertions.Expect(page.Locator("ol.children > li").Last).ToContainTextAsync("(Draft)");
    }

    [Fact]
    public async Task APickerOffersOnlyItsAllowedTypesAndAForgedChoiceIsRefusedByTheServer()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Organization&q=Gazeta");
        var organizationId = await page.Locator("tbody tr").First.GetAttributeAsync("data-id");
        await page.GotoAsync("/admin/content/new/Forum");
        // "o" is in every partner city's name and in organisations' names too; only the cities are offered.
        await page.Locator("#f-Forum-PartnerCities").FillAsync("o");
        await Assertions.Expect(page.Locator("#f-Forum-PartnerCities__listbox").GetByRole(AriaRole.Option)).ToHaveTextAsync(["Navapolatsk (en-GB)", "Nowopołock (pl-PL)", "Połock (pl-PL)", "Polotsk (en-GB)"]);

        // A choice the picker does not offer, added in the page as a forged form would send it.
        await page.Locator("form.editor-form").EvaluateAsync(
            "(form, id) => form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: 'Forum.PartnerCities.ContentItemIds', value: id }))",
            organizationId);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Forum z podrobionym wyborem");
        await page.Locator("#f-Forum-StartDate").FillAsync("2027-06-14T10:30");
        await page.Locator("#f-Forum-EndDate").FillAsync("2027-06-15T16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page.Locator("#f-Forum-PartnerCities-error")).ToContainTextAsync("accepts PartnerCity");
        Assert.Equal(6, await CountAsync(app, "Forum"));
    }
}
