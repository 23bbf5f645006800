using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Media.Processing;
using Twinning.Web.Tests.Infrastructure;
using Twinning.Web.Tests.Media;

namespace Twinning.Web.Tests.Admin;

/// <summary>The media field's editor in a real browser: the library picker dialog (search, upload), the alternative
/// text the rule set asks for, the focal point by number and by click, several files in order; checked with axe in
/// English and Polish. The gallery is <see cref="MediaAltTextTests.AlbumRecipe"/>'s Album (several photos, alternative
/// texts required) on the municipal site.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MediaFieldEditorTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";
    private const string ChooseFirst = "File 1: choose from the library or upload";

    private static async Task<(TwinningApplication App, Browser Browser)> OpenAsync(Chromium chromium)
    {
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        var browser = await Browser.OpenAsync(chromium, app);
        Assert.True((await app.RunRecipeAsync(MediaAltTextTests.AlbumRecipe)).Succeeded);
        await browser.SignInAsync("admin", Password, "/admin/content/new/Album");
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New Album");
        return (app, browser);
    }

    private static Task<int> CountAsync(TwinningApplication app)
        => app.InScopeAsync(async s => (await s.GetRequiredService<ContentStore>().ListAsync("Album", VersionOptions.Latest)).Count);

    private static string IdFromUrl(IPage page) => Regex.Match(page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value;

    private static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog, new() { Name = "Choose a file for Photos" });

    private static async Task<JsonObject> PhotosThroughTheApiAsync(TwinningApplication app, string id)
    {
        var client = await app.CreateClientWithRolesAsync("Administrator");
        var item = await (await client.GetAsync("/api/content/" + id)).JsonAsync();
        return item["Album"]!["Photos"]!.AsObject();
    }

    private static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task APhotographUploadedIntoAGalleryKeepsItsAlternativeTextAndFocalPointAndIsRefusedWithoutText()
    {
        var (app, browser) = await OpenAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Rynek w Białymstoku");

        await page.GetByRole(AriaRole.Button, new() { Name = ChooseFirst }).ClickAsync();
        var dialog = Dialog(page);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByLabel("Search the library by file or folder name")).ToBeFocusedAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("Files found:");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "media-picker");

        // The media page's checks: a program named like a photograph is refused, and nothing is chosen.
        await dialog.GetByLabel("File to upload").SetInputFilesAsync(new FilePayload { Name = "rynek.jpg", MimeType = "image/jpeg", Buffer = MediaUploads.Executable() });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Upload and use" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("The file was not uploaded:");
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        await dialog.GetByLabel("File to upload").SetInputFilesAsync(new FilePayload { Name = "rynek-noca.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(640, 480) });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Upload and use" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("File 1: path", new() { Exact = true })).ToHaveValueAsync("uploads/rynek-noca.jpg");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = ChooseFirst })).ToBeFocusedAsync();
        // A gallery takes one more.
        await Assertions.Expect(page.GetByLabel("File 2: path", new() { Exact = true })).ToHaveValueAsync("");

        // Without alternative text: refused, the message next to the file's alternative text box and in the summary,
        // linked there; nothing saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(page.Locator("#f-Album-Photos-alt-0-error")).ToContainTextAsync("Photos: the image rynek-noca.jpg needs an alternative text, or mark it as decorative.");
        await Assertions.Expect(page.Locator(".error-summary a", new() { HasText = "the image rynek-noca.jpg needs an alternative text" })).ToHaveAttributeAsync("href", "#f-Album-Photos-alt-0");
        // The summary names the field once (the message names it itself).
        await Assertions.Expect(page.Locator(".error-summary a", new() { HasText = "rynek-noca.jpg" })).ToHaveTextAsync("Photos: the image rynek-noca.jpg needs an alternative text, or mark it as decorative.");
        await Assertions.Expect(page.GetByLabel("File 1: alternative text")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("File 1: path", new() { Exact = true })).ToHaveValueAsync("uploads/rynek-noca.jpg");
        Assert.Equal(0, await CountAsync(app));
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "media-refused");

        // The focal point typed in per cent.
        await page.GetByLabel("File 1: alternative text").FillAsync("Rynek nocą, oświetlony ratusz");
        await page.GetByLabel("File 1: focal point from the left (%)").FillAsync("25");
        await page.GetByLabel("File 1: focal point from the top (%)").FillAsync("75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved and published.");
        var id = IdFromUrl(page);
        var photos = await PhotosThroughTheApiAsync(app, id);
        Assert.Equal("uploads/rynek-noca.jpg", photos["Paths"]![0]!.GetValue<string>());
        Assert.Equal("Rynek nocą, oświetlony ratusz", photos["MediaTexts"]![0]!.GetValue<string>());
        Assert.Equal(0.25m, photos["Anchors"]![0]!["X"]!.GetValue<decimal>());
        Assert.Equal(0.75m, photos["Anchors"]![0]!["Y"]!.GetValue<decimal>());

        // The focal point clicked on the preview: a tenth from the left, a fifth from the top.
        var preview = page.GetByRole(AriaRole.Img, new() { Name = "Preview of rynek-noca.jpg; click where its focal point is" });
        var box = (await preview.BoundingBoxAsync())!;
        await preview.ClickAsync(new() { Position = new Position { X = box.Width * 0.1f, Y = box.Height * 0.2f } });
        Assert.InRange(Number(await page.GetByLabel("File 1: focal point from the left (%)").InputValueAsync()), 9m, 11m);
        Assert.InRange(Number(await page.GetByLabel("File 1: focal point from the top (%)").InputValueAsync()), 19m, 21m);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved and published.");
        photos = await PhotosThroughTheApiAsync(app, id);
        Assert.InRange(photos["Anchors"]![0]!["X"]!.GetValue<decimal>(), 0.09m, 0.11m);
        Assert.InRange(photos["Anchors"]![0]!["Y"]!.GetValue<decimal>(), 0.19m, 0.21m);
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "media-field", page.Locator(".media-preview").First);

        // In Polish: the same refusal in the editor's language, and the dialog passes axe too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await page.GetByLabel("Plik 1: tekst alternatywny").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Błąd: "));
        await Assertions.Expect(page.Locator("#f-Album-Photos-alt-0-error")).ToContainTextAsync("obraz rynek-noca.jpg wymaga tekstu alternatywnego albo oznaczenia jako dekoracja.");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "media-refused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plik 1: wybierz z biblioteki lub prześlij" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Wybierz plik dla pola Photos" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "media-picker");
        photos = await PhotosThroughTheApiAsync(app, id);
        Assert.Equal("Rynek nocą, oświetlony ratusz", photos["MediaTexts"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ThePickerAndTheOrderOfPhotosWorkWithTheKeyboardAlone()
    {
        var (app, browser) = await OpenAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Konferencja 2013");
        var dialog = Dialog(page);
        var chooseFirst = page.GetByRole(AriaRole.Button, new() { Name = ChooseFirst });

        // From the path, Tab reaches the picker's button; Enter opens the dialog with the focus in the search.
        await page.GetByLabel("File 1: path", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(chooseFirst).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog.GetByLabel("Search the library by file or folder name")).ToBeFocusedAsync();
        // Escape closes it and gives the focus back.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(chooseFirst).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("photo-2");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Files found: 1.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "photo-2.jpg gallery/bialystok-2013/photo-2.jpg" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("File 1: path", new() { Exact = true })).ToHaveValueAsync("gallery/bialystok-2013/photo-2.jpg");
        await Assertions.Expect(chooseFirst).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "File 2: choose from the library or upload" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The search still holds the last words, selected: typing replaces them.
        await page.Keyboard.TypeAsync("photo-3");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "photo-3.jpg" })).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Files found: 1.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("File 2: path", new() { Exact = true })).ToHaveValueAsync("gallery/bialystok-2013/photo-3.jpg");
        await page.GetByLabel("File 1: alternative text").FillAsync("Uczestnicy konferencji na sali obrad");
        await page.GetByLabel("File 2: alternative text").FillAsync("Tłumacze w kabinie");

        // Move up: the second photo becomes the first, and the move is announced.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move file 2 up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-media-status]")).ToHaveTextAsync("File moved to position 1 of 2.");
        await Assertions.Expect(page.GetByLabel("File 1: path", new() { Exact = true })).ToHaveValueAsync("gallery/bialystok-2013/photo-3.jpg");
        await Assertions.Expect(page.GetByLabel("File 1: alternative text")).ToHaveValueAsync("Tłumacze w kabinie");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move file 1 up" })).ToBeFocusedAsync();
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved as a draft.");
        var saved = (await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(IdFromUrl(page))))!;
        var photos = saved.Part("Album")!["Photos"]!;
        Assert.Equal(["gallery/bialystok-2013/photo-3.jpg", "gallery/bialystok-2013/photo-2.jpg"], photos["Paths"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["Tłumacze w kabinie", "Uczestnicy konferencji na sali obrad"], photos["MediaTexts"]!.AsArray().Select(p => p!.GetValue<string>()));

        // Remove: announced, and the photo is gone once saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove file 1" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-media-status]")).ToHaveTextAsync("File removed. Files left: 1.");
        await Assertions.Expect(page.GetByLabel("File 1: path", new() { Exact = true })).ToHaveValueAsync("gallery/bialystok-2013/photo-2.jpg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved as a draft.");
        saved = (await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(IdFromUrl(page))))!;
        Assert.Equal(["gallery/bialystok-2013/photo-2.jpg"], saved.Part("Album")!["Photos"]!["Paths"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    /// <summary>ATAG B.2.3.3: the sample site's conference gallery already describes photo-2; an album that shows it
    /// without a text is offered that text beside the empty box, and it is the editor's click that fills it in.</summary>
    [Fact]
    public async Task AnAlternativeTextAnotherItemGaveTheSamePhotoIsOfferedAndUsedOnlyOnRequest()
    {
        const string Photo = "gallery/bialystok-2013/photo-2.jpg";
        const string Described = "Przykładowy obraz 2/11 (grafika zastępcza, nie oryginalne zdjęcie „2” z konferencji „Wielojęzyczny świat – wspólny język partnerstwa”)";
        var (app, browser) = await OpenAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Ratusz");
        await page.GetByLabel("File 1: path", new() { Exact = true }).FillAsync(Photo);
        // Pressed as a person presses it: leaving the path box asks for the photo's texts, and their list, were it shown
        // while the button is held, would push the button away from under the pointer and the click would be lost.
        var saveButton = page.GetByRole(AriaRole.Button, new() { Name = "Save draft" });
        await saveButton.ScrollIntoViewIfNeededAsync();
        var save = await saveButton.BoundingBoxAsync();
        var asked = page.WaitForResponseAsync(r => r.Url.Contains("/admin/media/suggestions"));
        await page.Mouse.MoveAsync(save!.X + save.Width / 2, save.Y + save.Height / 2);
        await page.Mouse.DownAsync();
        await asked;
        await page.WaitForTimeoutAsync(150);
        await page.Mouse.UpAsync();

        // Refused without a text, and the box is still empty: the text is only offered, with where it was used.
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var box = page.GetByLabel("File 1: alternative text");
        await Assertions.Expect(box).ToHaveValueAsync("");
        var offered = page.Locator("[data-alt-suggestions]");
        await Assertions.Expect(offered).ToContainTextAsync("Suggested from other items:");
        await Assertions.Expect(offered).ToContainTextAsync("“" + Described + "” (used in “");
        await Browser.AssertAccessibleAsync(page);

        await offered.Locator("li", new() { HasText = Described }).GetByRole(AriaRole.Button, new() { Name = "Use this text" }).ClickAsync();
        await Assertions.Expect(box).ToHaveValueAsync(Described);
        await Assertions.Expect(box).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-media-status]")).ToHaveTextAsync("Alternative text filled in: " + Described + ". Check that it fits this item.");
        // Nothing was submitted: the page is still the refused one, until the editor saves.
        Assert.Equal(0, await CountAsync(app));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved as a draft.");
        var saved = (await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(IdFromUrl(page))))!;
        Assert.Equal([Described], saved.Part("Album")!["Photos"]!["MediaTexts"]!.AsArray().Select(t => t!.GetValue<string>()));
        // With its text given, nothing is offered any more.
        await Assertions.Expect(page.Locator("[data-alt-suggestions]")).ToHaveCountAsync(0);
    }

    /// <summary>Beside the focal point, the three crops a front end gets: the server's own crop URLs around the saved
    /// anchor (served, and shown without scripts), moved with the focal point as it is typed or clicked, to the offsets the
    /// server's crop computes; decorative images in a captioned group, in English and Polish.</summary>
    [Fact]
    public async Task ThreeCropsPreviewWhatTheSiteCutsAroundTheFocalPoint()
    {
        const string Photo = "gallery/bialystok-2013/photo-2.jpg";
        var (app, browser) = await OpenAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        // A new, empty row has no crops to show.
        await Assertions.Expect(page.Locator("[data-focal-crops]")).ToHaveCountAsync(0);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Ratusz");
        await page.GetByLabel("File 1: path", new() { Exact = true }).FillAsync(Photo);
        await page.GetByLabel("File 1: alternative text").FillAsync("Ratusz w Białymstoku");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved as a draft.");

        var crops = page.GetByRole(AriaRole.Figure, new() { Name = "How the photo will be cropped" });
        var images = crops.Locator("img");
        await Assertions.Expect(images).ToHaveCountAsync(3);
        await Assertions.Expect(crops).ToContainTextAsync("Wide (16:9), e.g. the gallery header");
        await Assertions.Expect(crops).ToContainTextAsync("Square (1:1), e.g. a thumbnail in a list");
        await Assertions.Expect(crops).ToContainTextAsync("Portrait (3:4), e.g. a tall card on a phone");
        (int Width, int Height)[] sizes = [(160, 90), (160, 160), (160, 213)];
        for (var i = 0; i < sizes.Length; i++)
        {
            var image = images.Nth(i);
            await Assertions.Expect(image).ToHaveAttributeAsync("alt", "");
            await Assertions.Expect(image).ToHaveAttributeAsync("loading", "lazy");
            await Assertions.Expect(image).ToHaveAttributeAsync("src", new Regex(
                $"width={sizes[i].Width}&height={sizes[i].Height}&rmode=crop&rxy=0.5%2C0.5&token="));
            // The very URL is served: the site signs it and cuts it.
            var served = await page.Context.APIRequest.GetAsync((await image.GetAttributeAsync("src"))!);
            Assert.Equal(200, served.Status);
        }
        await Browser.AssertAccessibleAsync(page);

        // Typed, the focal point moves the previews to where the server's crop of the original would cut.
        var info = (await app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<MediaUrlBuilder>().GetImageInfo(Photo))))!;
        await page.GetByLabel("File 1: focal point from the left (%)").FillAsync("60");
        await page.GetByLabel("File 1: focal point from the top (%)").FillAsync("45");
        var moved = 0;
        for (var i = 0; i < sizes.Length; i++)
        {
            var plan = ResizeGeometry.Plan(info.Width, info.Height, new ResizeCommands
            {
                Width = sizes[i].Width, Height = sizes[i].Height, Mode = ResizeMode.Crop, FocalPoint = new MediaAnchor(0.6f, 0.45f),
            });
            var centred = ResizeGeometry.Plan(info.Width, info.Height, new ResizeCommands { Width = sizes[i].Width, Height = sizes[i].Height, Mode = ResizeMode.Crop });
            moved += plan == centred ? 0 : 1;
            await Assertions.Expect(images.Nth(i)).ToHaveCSSAsync("object-position", $"{plan.X}px {plan.Y}px");
            await Assertions.Expect(images.Nth(i)).Not.ToHaveAttributeAsync("src", new Regex("rmode=crop"));
        }
        Assert.True(moved == 3, "The focal point is chosen so that no crop of this 640×427 photo reaches an edge: all three move.");
        await Browser.AssertAccessibleAsync(page);

        // Clicked on the preview, a little left of the middle: the square crop follows what the inputs now hold.
        var preview = page.GetByRole(AriaRole.Img, new() { Name = "Preview of photo-2.jpg; click where its focal point is" });
        var box = (await preview.BoundingBoxAsync())!;
        await preview.ClickAsync(new() { Position = new Position { X = box.Width * 0.42f, Y = box.Height * 0.5f } });
        var clicked = new MediaAnchor(
            (float)Math.Round(Number(await page.GetByLabel("File 1: focal point from the left (%)").InputValueAsync()) / 100, 4),
            (float)Math.Round(Number(await page.GetByLabel("File 1: focal point from the top (%)").InputValueAsync()) / 100, 4));
        var square = ResizeGeometry.Plan(info.Width, info.Height, new ResizeCommands { Width = 160, Height = 160, Mode = ResizeMode.Crop, FocalPoint = clicked });
        await Assertions.Expect(images.Nth(1)).ToHaveCSSAsync("object-position", $"{square.X}px {square.Y}px");
        await page.GetByLabel("File 1: focal point from the left (%)").FillAsync("60");
        await page.GetByLabel("File 1: focal point from the top (%)").FillAsync("45");

        // Saved, they are the server's crops around the new anchor; a page without scripts shows them the same.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved as a draft.");
        await Assertions.Expect(images.First).ToHaveAttributeAsync("src", new Regex("width=160&height=90&rmode=crop&rxy=0.6%2C0.45&token="));
        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        await withoutScripts.SignInAsync("admin", Password, new Uri(page.Url).PathAndQuery);
        await Assertions.Expect(withoutScripts.Page.GetByRole(AriaRole.Figure, new() { Name = "How the photo will be cropped" }).Locator("img").Last)
            .ToHaveAttributeAsync("src", new Regex("width=160&height=213&rmode=crop&rxy=0.6%2C0.45&token="));
        await browser.AssertAccessibleWithoutScriptsAsync(withoutScripts.Page);
        // That check showed the other context's document here; this context's own page again.
        await page.GotoAsync(page.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        var polish = page.GetByRole(AriaRole.Figure, new() { Name = "Jak zdjęcie zostanie przycięte" });
        await Assertions.Expect(polish).ToContainTextAsync("Poziomo (16:9), np. nagłówek galerii");
        await Assertions.Expect(polish).ToContainTextAsync("Kwadrat (1:1), np. miniatura na liście");
        await Assertions.Expect(polish).ToContainTextAsync("Pionowo (3:4), np. wysoka karta na telefonie");
        await Browser.AssertAccessibleAsync(page);
    }

    /// <summary>ATAG B.2.3.3 with scripts on: a photo picked from the library that another item already describes is
    /// offered that text straight away (GET /admin/media/suggestions), before any save, and only a click uses it.</summary>
    [Fact]
    public async Task APhotoPickedFromTheLibraryIsOfferedAnotherItemsTextAtOnce()
    {
        const string Described = "Przykładowy obraz 2/11 (grafika zastępcza, nie oryginalne zdjęcie „2” z konferencji „Wielojęzyczny świat – wspólny język partnerstwa”)";
        var (app, browser) = await OpenAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = ChooseFirst }).ClickAsync();
        var dialog = Dialog(page);
        await dialog.GetByLabel("Search the library by file or folder name").FillAsync("photo-2");
        // The list opened with every file; wait for the search's own list, or the click may land as the list is replaced.
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Files found: 1.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "photo-2.jpg gallery/bialystok-2013/photo-2.jpg" }).ClickAsync();

        var box = page.GetByLabel("File 1: alternative text");
        var offered = page.Locator("[data-alt-suggestions]");
        await Assertions.Expect(offered).ToContainTextAsync("Suggested from other items:");
        await Assertions.Expect(offered).ToContainTextAsync("“" + Described + "” (used in “");
        await Assertions.Expect(box).ToHaveValueAsync("");
        // Only the picked row offers it: the empty row added after it has no file yet.
        await Assertions.Expect(offered).ToHaveCountAsync(1);
        await Browser.AssertAccessibleAsync(page);

        await offered.GetByRole(AriaRole.Button, new() { Name = "Use this text" }).First.ClickAsync();
        await Assertions.Expect(box).ToHaveValueAsync(Described);
        await Assertions.Expect(box).ToBeFocusedAsync();
        Assert.Equal(0, await CountAsync(app));
        // The texts are the editors' business: a visitor who is not signed in is sent to sign in.
        await page.Context.ClearCookiesAsync();
        var signedOut = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), "/admin/media/suggestions?path=gallery/bialystok-2013/photo-2.jpg").ToString(),
            new() { MaxRedirects = 0 });
        Assert.Equal(302, signedOut.Status);
    }
}
