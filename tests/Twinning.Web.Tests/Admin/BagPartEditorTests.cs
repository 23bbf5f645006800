using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>The bag editor (BagPartEditor, bag-part.js) in a real browser: a gallery's photos with the media field
/// inside each, a contact point's opening hours refused when they overlap, items added, removed and moved with the
/// keyboard and without scripts; checked with axe in English and Polish, read back through the API.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BagPartEditorTests(Chromium chromium)
{
    private static async Task<string> FindAsync(TwinningApplication app, string type, string title)
        => await app.InScopeAsync(async s => (await s.GetRequiredService<ContentStore>().ListAsync(type, VersionOptions.Latest))
            .First(i => title.Length == 0 || i.DisplayText == title).ContentItemId);

    private static async Task<JsonArray> BagThroughTheApiAsync(TwinningApplication app, string id, string bag)
    {
        var client = await app.CreateClientWithRolesAsync("Administrator");
        var item = await (await client.GetAsync("/api/content/" + id)).JsonAsync();
        return item[bag]!["ContentItems"]!.AsArray();
    }

    /// <summary>The item's latest version as its entity tag: a refused save leaves it as it was, drafts included (the
    /// API's item is the published version).</summary>
    private static Task<string> LatestAsync(TwinningApplication app, string id)
        => app.InScopeAsync(async s => ExpectedVersion.TagOf((await s.GetRequiredService<ContentStore>().GetLatestAsync(id))!));

    /// <summary>The days as the municipal recipe's Translations step names them in Polish.</summary>
    private static readonly Dictionary<string, string> PolishDays = new()
    {
        ["Monday"] = "Poniedziałek", ["Tuesday"] = "Wtorek", ["Wednesday"] = "Środa", ["Thursday"] = "Czwartek",
        ["Friday"] = "Piątek", ["Saturday"] = "Sobota", ["Sunday"] = "Niedziela",
    };

    private static string Ids(JsonArray items) => string.Join(",", items.Select(i => i!["ContentItemId"]!.GetValue<string>()));

    [Fact]
    public async Task APhotographIsUploadedIntoAGalleryWithAlternativeTextAndRefusedWithoutIt()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = await FindAsync(app, "Gallery", "");
        var before = await BagThroughTheApiAsync(app, id, "Photos");
        var latest = await LatestAsync(app, id);
        var count = before.Count;
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + id);

        // Add: the form comes back with a new, empty photo at the end, focused and announced.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Gallery photo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Gallery photo added at position {count + 1} of {count + 1}.");
        var photo = page.Locator($"#f-Photos-ContentItems-{count}");
        await Assertions.Expect(photo).ToBeFocusedAsync();
        await Assertions.Expect(photo.Locator("legend").First).ToHaveTextAsync($"Gallery photo {count + 1}");

        // The media field's picker inside the item: its own dialog, upload and path.
        await photo.GetByRole(AriaRole.Button, new() { Name = "File 1: choose from the library or upload" }).ClickAsync();
        var dialog = photo.GetByRole(AriaRole.Dialog, new() { Name = "Choose a file for Image" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("File to upload").SetInputFilesAsync(new FilePayload { Name = "ratusz.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(640, 480) });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Upload and use" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(photo.GetByLabel("File 1: path", new() { Exact = true })).ToHaveValueAsync("uploads/ratusz.jpg");
        await photo.GetByLabel("Caption").FillAsync("Ratusz nocą");

        // Without alternative text: refused, the message next to the photo's alternative text box and in the summary,
        // linked to that box, which alone is marked invalid; nothing saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var message = "Image: the image ratusz.jpg needs an alternative text, or mark it as decorative.";
        var altText = photo.GetByLabel("File 1: alternative text");
        var altTextId = $"f-Photos-ContentItems-{count}-GalleryPhoto-Image-alt-0";
        await Assertions.Expect(page.Locator($"#{altTextId}-error")).ToContainTextAsync(message);
        await Assertions.Expect(page.Locator($"#f-Photos-ContentItems-{count}-GalleryPhoto-Image-error")).ToHaveCountAsync(0);
        var link = page.Locator(".error-summary a", new() { HasText = "ratusz.jpg" });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"#{altTextId}");
        await Assertions.Expect(altText).ToHaveAttributeAsync("id", altTextId);
        await Assertions.Expect(altText).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(altText).ToHaveAttributeAsync("aria-describedby", new Regex($"(^| ){altTextId}-error( |$)"));
        await Assertions.Expect(altText).ToHaveAccessibleDescriptionAsync(new Regex("needs an alternative text"));
        await Assertions.Expect(photo.GetByLabel("File 1: path", new() { Exact = true })).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(link).ToContainTextAsync($"Gallery photo {count + 1}: Ratusz nocą, Image");
        await Assertions.Expect(photo.GetByLabel("Caption")).ToHaveValueAsync("Ratusz nocą");
        await Assertions.Expect(photo.GetByLabel("File 1: path", new() { Exact = true })).ToHaveValueAsync("uploads/ratusz.jpg");
        Assert.Equal(Ids(before), Ids(await BagThroughTheApiAsync(app, id, "Photos")));
        Assert.Equal(latest, await LatestAsync(app, id));
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "gallery-photo-refused", page.Locator($"#{altTextId}-error"));

        await altText.FillAsync("Ratusz w Białymstoku nocą, oświetlony");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved and published.");
        var after = await BagThroughTheApiAsync(app, id, "Photos");
        Assert.Equal(count + 1, after.Count);
        // The photos held before keep their ids; the new one is last, with its file and text.
        Assert.StartsWith(Ids(before) + ",", Ids(after), StringComparison.Ordinal);
        var added = after[count]!["GalleryPhoto"]!;
        Assert.Equal("uploads/ratusz.jpg", added["Image"]!["Paths"]![0]!.GetValue<string>());
        Assert.Equal("Ratusz w Białymstoku nocą, oświetlony", added["Image"]!["MediaTexts"]![0]!.GetValue<string>());
        Assert.Equal("Ratusz nocą", added["Caption"]!["Text"]!.GetValue<string>());
        Assert.Equal(before[0]!["GalleryPhoto"]!["Image"]!.ToJsonString(), after[0]!["GalleryPhoto"]!["Image"]!.ToJsonString());
        await Browser.AssertAccessibleAsync(page);

        // In Polish: the same refusal in the editor's language.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await photo.GetByLabel("Plik 1: tekst alternatywny").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Błąd: "));
        // The message sits beside the alt text box and names the field by its Polish label, as a top-level field's does.
        await Assertions.Expect(page.Locator($"#{altTextId}-error")).ToContainTextAsync("Obraz: obraz ratusz.jpg wymaga tekstu alternatywnego");
        await Assertions.Expect(page.Locator(".error-summary a", new() { HasText = "ratusz.jpg" })).ToContainTextAsync("Obraz: obraz ratusz.jpg");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "gallery-photo-refused", page.Locator($"#{altTextId}-error"));
    }

    [Fact]
    public async Task ABagItemsCheckboxSitsOnOneLineWithItsLabelAtFullWidthAndAt320Pixels()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + await FindAsync(app, "Gallery", ""));
        foreach (var width in new[] { 1280, 320 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var box = page.Locator("#f-Photos-ContentItems-0-GalleryPhoto-SampleImage");
            await Assertions.Expect(box).ToBeVisibleAsync();
            var label = page.Locator("label[for='f-Photos-ContentItems-0-GalleryPhoto-SampleImage']");
            await Assertions.Expect(label).ToHaveTextAsync("Sample image");
            // Both measured in one step: the editors' scripts above (rich text, pickers) may still be changing the
            // page's height, which would move one between two separate measurements.
            var r = await page.EvaluateAsync<double[]>("""
                () => {
                    const b = document.getElementById('f-Photos-ContentItems-0-GalleryPhoto-SampleImage').getBoundingClientRect();
                    const l = document.querySelector("label[for='f-Photos-ContentItems-0-GalleryPhoto-SampleImage']").getBoundingClientRect();
                    return [b.x, b.width, b.y + b.height / 2, l.x, l.y + l.height / 2];
                }
                """);
            // The box first, then its label, their middles on one line (not the box centred under the label).
            Assert.True(r[0] + r[1] <= r[3], $"{width} px: the box ({r[0]}+{r[1]}) should end before its label starts ({r[3]}).");
            Assert.True(Math.Abs(r[2] - r[4]) < 4, $"{width} px: box middle {r[2]}, label middle {r[4]}.");
            Assert.True(r[1] < 40, $"{width} px: the box is {r[1]} px wide.");
        }
    }

    [Fact]
    public async Task AStaleSaveOfAGalleryListsThePhotoFieldChangedMeanwhileItemByItem()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = await FindAsync(app, "Gallery", "");
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + id);

        // Someone else changes the first photo's caption meanwhile, and unticks "Sample image".
        var gallery = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLatestAsync(id)))!;
        gallery.Part("Photos")!["ContentItems"]![0]!["GalleryPhoto"]!["Caption"] = new JsonObject { ["Text"] = "Ratusz nocą" };
        gallery.Part("Photos")!["ContentItems"]![0]!["GalleryPhoto"]!["SampleImage"] = new JsonObject { ["Value"] = false };
        Assert.True((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(gallery, publish: false, "ewa"))).Succeeded);

        await page.Locator("#f-Photos-ContentItems-1-GalleryPhoto-Caption").FillAsync("Most");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync(), Browser.IsFormPost);
        Assert.Equal(409, refused.Status);
        var rows = page.Locator(".error-summary tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync([new Regex("^Photos: Gallery photo 1: .+, Caption$"), new Regex("^Ratusz nocą$")]);
        // A box reads as the editor reads it, not as stored ("false").
        await Assertions.Expect(rows.Nth(1).Locator("td")).ToHaveTextAsync([new Regex("^Photos: Gallery photo 1: .+, Sample image$"), new Regex("^No$")]);
        await Assertions.Expect(rows.Nth(0).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#f-Photos");
        await Assertions.Expect(page.Locator("#f-Photos-ContentItems-1-GalleryPhoto-Caption")).ToHaveValueAsync("Most");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task OverlappingOpeningHoursAreRefusedNextToTheEntryWithNothingChangedAndAValidChangeIsSaved()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = await FindAsync(app, "ContactPoint", "Punkt Lokalny w Sokółce");
        var before = await BagThroughTheApiAsync(app, id, "OpeningHours");
        var latest = await LatestAsync(app, id);
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + id);
        var first = page.Locator("#f-OpeningHours-ContentItems-0");
        var second = page.Locator("#f-OpeningHours-ContentItems-1");
        await Assertions.Expect(first.Locator("legend").First).ToHaveTextAsync("Opening hours 1: Wednesday");
        await Assertions.Expect(second.Locator("legend").First).ToHaveTextAsync("Opening hours 2: Thursday");
        await Browser.AssertAccessibleAsync(page);

        // Thursday's 15:00–20:00 moved to Wednesday overlaps the first entry.
        await second.GetByLabel("Day of week").SelectOptionAsync("Wednesday");
        await second.GetByLabel("Opens").FillAsync("16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(page.Locator("#f-OpeningHours-ContentItems-1-OpeningHoursSpecification-Opens-error"))
            .ToContainTextAsync("Opening hours on Wednesday: 16:00–20:00 overlaps 15:00–20:00 in entry 1");
        await Assertions.Expect(page.Locator(".error-summary a", new() { HasText = "overlaps" }))
            .ToHaveAttributeAsync("href", "#f-OpeningHours-ContentItems-1-OpeningHoursSpecification-Opens");
        await Assertions.Expect(second.GetByLabel("Day of week")).ToHaveValueAsync("Wednesday");
        await Assertions.Expect(second.GetByLabel("Opens")).ToHaveValueAsync("16:00");
        Assert.Equal(before.ToJsonString(), (await BagThroughTheApiAsync(app, id, "OpeningHours")).ToJsonString());
        Assert.Equal(latest, await LatestAsync(app, id));
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "opening-hours-overlap", second);

        // On Thursday again, opening at 16:00: saved, the entries keep their ids.
        await second.GetByLabel("Day of week").SelectOptionAsync("Thursday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved and published.");
        var after = await BagThroughTheApiAsync(app, id, "OpeningHours");
        Assert.Equal(Ids(before), Ids(after));
        Assert.Equal("Thursday", after[1]!["OpeningHoursSpecification"]!["DayOfWeek"]!["Text"]!.GetValue<string>());
        Assert.StartsWith("16:00", after[1]!["OpeningHoursSpecification"]!["Opens"]!["Value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before[0]!.ToJsonString(), after[0]!.ToJsonString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await second.GetByLabel("Dzień tygodnia").Or(second.GetByLabel("Day of week")).SelectOptionAsync("Wednesday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szkic" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Błąd: "));
        // The entry is named by its day as the list shows it in Polish, not as stored.
        await Assertions.Expect(second.Locator("legend").First).ToHaveTextAsync("Godziny otwarcia 2: Środa");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "opening-hours-overlap", second);
    }

    [Fact]
    public async Task ItemsAreMovedInPlaceWithTheKeyboardAndTheMoveIsAnnounced()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = await FindAsync(app, "ContactPoint", "Ośrodek Pomocy Białystok");
        var before = await BagThroughTheApiAsync(app, id, "OpeningHours");
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + id);
        var bag = page.Locator("#f-OpeningHours");
        var firstDay = before[0]!["OpeningHoursSpecification"]!["DayOfWeek"]!["Text"]!.GetValue<string>();
        var secondDay = before[1]!["OpeningHoursSpecification"]!["DayOfWeek"]!["Text"]!.GetValue<string>();

        // With the script: Move down by the keyboard moves the entry in place, keeps the focus on its button and announces it.
        var down = bag.GetByRole(AriaRole.Button, new() { Name = $"Move down: Opening hours 1: {firstDay}" });
        await down.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var moved = bag.GetByRole(AriaRole.Button, new() { Name = $"Move down: Opening hours 2: {firstDay}" });
        await Assertions.Expect(moved).ToBeFocusedAsync();
        await Assertions.Expect(bag.Locator("[aria-live=polite]")).ToHaveTextAsync($"Opening hours moved to position 2 of {before.Count}.");
        await Assertions.Expect(bag.GetByRole(AriaRole.Button, new() { Name = $"Move up: Opening hours 1: {secondDay}" })).ToHaveAttributeAsync("aria-disabled", "true");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved and published.");
        var reordered = await BagThroughTheApiAsync(app, id, "OpeningHours");
        Assert.Equal(before[1]!["ContentItemId"]!.GetValue<string>(), reordered[0]!["ContentItemId"]!.GetValue<string>());
        Assert.Equal(before[0]!["ContentItemId"]!.GetValue<string>(), reordered[1]!["ContentItemId"]!.GetValue<string>());

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await bag.GetByRole(AriaRole.Button, new() { Name = $"Przenieś wyżej: Godziny otwarcia 2: {PolishDays[firstDay]}" }).ClickAsync();
        await Assertions.Expect(bag.Locator("[aria-live=polite]")).ToHaveTextAsync($"Godziny otwarcia: przeniesiono na pozycję 1 z {before.Count}.");
        await Browser.AssertAccessibleAsync(page);

    }

    [Fact]
    public async Task WithoutScriptsItemsAreAddedRemovedAndMovedKeepingEveryTypedValue()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var id = await FindAsync(app, "ContactPoint", "Ośrodek Pomocy Białystok");
        var before = await BagThroughTheApiAsync(app, id, "OpeningHours");
        var reordered = before;
        var secondDay = before[0]!["OpeningHoursSpecification"]!["DayOfWeek"]!["Text"]!.GetValue<string>();

        // Each button submits, and the form comes back unsaved with the change made and every typed value kept.
        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        var plain = withoutScripts.Page;
        await withoutScripts.SignInAsync("admin", Password, "/admin/content/edit/" + id);
        var plainBag = plain.Locator("#f-OpeningHours");
        // (A select, not a time input: Playwright fills time inputs through page scripts, which are off here.)
        await plain.Locator("#f-OpeningHours-ContentItems-2").GetByLabel("Day of week").SelectOptionAsync("Sunday");
        var third = reordered[2]!["OpeningHoursSpecification"]!["DayOfWeek"]!["Text"]!.GetValue<string>();
        await plainBag.GetByRole(AriaRole.Button, new() { Name = $"Move up: Opening hours 3: {third}" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Opening hours moved to position 2 of {before.Count}.");
        await Assertions.Expect(plain.Locator("#f-OpeningHours-ContentItems-1").GetByLabel("Day of week")).ToHaveValueAsync("Sunday");
        await Assertions.Expect(plain.Locator("#f-OpeningHours-ContentItems-1").Locator("legend").First).ToHaveTextAsync("Opening hours 2: Sunday");
        Assert.Equal(Ids(reordered), Ids(await BagThroughTheApiAsync(app, id, "OpeningHours")));

        await plainBag.GetByRole(AriaRole.Button, new() { Name = $"Remove: Opening hours 1: {secondDay}" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Opening hours 1 removed; {before.Count - 1} left.");
        await plainBag.GetByRole(AriaRole.Button, new() { Name = "Add Opening hours" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Opening hours added at position {before.Count} of {before.Count}.");
        await Assertions.Expect(plain.Locator($"#f-OpeningHours-ContentItems-{before.Count - 1}")).ToBeVisibleAsync();
        // Axe is a script: it checks this page's document in the scripted context (it hangs where scripts are off).
        await browser.AssertAccessibleWithoutScriptsAsync(plain);
        await plainBag.GetByRole(AriaRole.Button, new() { Name = $"Remove: Opening hours {before.Count}" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"Opening hours {before.Count} removed; {before.Count - 1} left.");
        await plain.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(plain.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved and published.");

        var after = await BagThroughTheApiAsync(app, id, "OpeningHours");
        Assert.Equal(before.Count - 1, after.Count);
        Assert.Equal(reordered[2]!["ContentItemId"]!.GetValue<string>(), after[0]!["ContentItemId"]!.GetValue<string>());
        Assert.Equal("Sunday", after[0]!["OpeningHoursSpecification"]!["DayOfWeek"]!["Text"]!.GetValue<string>());
        Assert.Equal(reordered[1]!["ContentItemId"]!.GetValue<string>(), after[1]!["ContentItemId"]!.GetValue<string>());
        Assert.DoesNotContain(reordered[0]!["ContentItemId"]!.GetValue<string>(), Ids(after), StringComparison.Ordinal);
    }

    private static string TextIn(JsonNode? photo, string field) => photo!["GalleryPhoto"]![field]?["Text"]?.GetValue<string>() ?? "";

    [Fact]
    public async Task ACreditAndLicenceAreAppliedToTheSelectedPhotosOnlyKeptWhenSaved()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var id = await FindAsync(app, "Gallery", "");
        var before = await BagThroughTheApiAsync(app, id, "Photos");
        await browser.SignInAsync("admin", Password, "/admin/content/edit/" + id);
        var apply = page.Locator("#f-Photos fieldset.bag-apply");
        // Prefilled from the gallery's default credit and licence.
        await Assertions.Expect(apply.GetByLabel("Credit")).ToHaveValueAsync("Twinning sample image");
        await Assertions.Expect(apply.GetByLabel("Licence")).ToHaveValueAsync("CC0-1.0");

        // Select all and Select none (script only) tick and untick every photo's box.
        var boxes = page.Locator("#f-Photos [data-bag-select]");
        await apply.GetByRole(AriaRole.Button, new() { Name = "Select all" }).ClickAsync();
        Assert.Equal(before.Count, await page.Locator("#f-Photos [data-bag-select]:checked").CountAsync());
        await apply.GetByRole(AriaRole.Button, new() { Name = "Select none" }).ClickAsync();
        Assert.Equal(0, await page.Locator("#f-Photos [data-bag-select]:checked").CountAsync());
        Assert.Equal(before.Count, await boxes.CountAsync());

        // The third photo's credit typed but not selected; the first two selected, a new credit and licence applied.
        var third = page.Locator("#f-Photos-ContentItems-2");
        await third.GetByLabel("Credit", new() { Exact = true }).FillAsync("Ewa Nowak");
        var first = page.GetByRole(AriaRole.Checkbox, new() { Name = "Select: Gallery photo 1: " + TextIn(before[0], "Caption"), Exact = true });
        await first.CheckAsync();
        await page.Locator("#f-Photos-ContentItems-1-select").CheckAsync();
        await apply.GetByLabel("Credit").FillAsync("Jan Kowalski");
        await apply.GetByLabel("Licence").FillAsync("CC BY 4.0");
        await apply.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Credit and licence applied to 2 photos.");
        await Assertions.Expect(page.Locator("#f-Photos-ContentItems-0").GetByLabel("Credit", new() { Exact = true })).ToHaveValueAsync("Jan Kowalski");
        await Assertions.Expect(page.Locator("#f-Photos-ContentItems-1").GetByLabel("Licence", new() { Exact = true })).ToHaveValueAsync("CC BY 4.0");
        await Assertions.Expect(third.GetByLabel("Credit", new() { Exact = true })).ToHaveValueAsync("Ewa Nowak");
        await Assertions.Expect(page.Locator("#f-Photos-apply")).ToBeFocusedAsync();
        // Not saved yet.
        Assert.Equal(before.ToJsonString(), (await BagThroughTheApiAsync(app, id, "Photos")).ToJsonString());
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Saved and published.");
        var after = await BagThroughTheApiAsync(app, id, "Photos");
        Assert.Equal(Ids(before), Ids(after));
        Assert.Equal(["Jan Kowalski", "Jan Kowalski", "Ewa Nowak"], after.Take(3).Select(p => TextIn(p, "Credit")));
        Assert.Equal(["CC BY 4.0", "CC BY 4.0", TextIn(before[2], "Licence")], after.Take(3).Select(p => TextIn(p, "Licence")));
        Assert.Equal(before.Skip(3).Select(p => p!.ToJsonString()), after.Skip(3).Select(p => p!.ToJsonString()));
        Assert.Equal(TextIn(before[0], "Caption"), TextIn(after[0], "Caption"));
    }

    [Fact]
    public async Task WithoutScriptsInPolishApplyingNeedsASelectionAndCountsThePhotosApplied()
    {
        using var app = NewApp();
        await using var browser = await Browser.OpenAsync(chromium, app);
        var id = await FindAsync(app, "Gallery", "");
        var before = await BagThroughTheApiAsync(app, id, "Photos");
        await using var withoutScripts = await browser.OpenWithoutScriptsAsync(chromium);
        var page = withoutScripts.Page;
        await withoutScripts.SignInAsync("admin", Password, "/admin/content/edit/" + id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        var apply = page.Locator("#f-Photos fieldset.bag-apply");
        await Assertions.Expect(apply.GetByRole(AriaRole.Button, new() { Name = "Zaznacz wszystkie" })).ToBeHiddenAsync();

        // Nothing selected: the error beside the button, what was typed kept.
        await apply.GetByLabel("Autor").FillAsync("Jan Kowalski");
        var button = apply.GetByRole(AriaRole.Button, new() { Name = "Zastosuj do zaznaczonych" });
        await button.ClickAsync();
        await Assertions.Expect(page.Locator("#f-Photos-apply-error")).ToContainTextAsync("Zaznacz co najmniej jedno zdjęcie.");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Błąd: "));
        await Assertions.Expect(button).ToHaveAccessibleDescriptionAsync(new Regex("Zaznacz co najmniej jedno zdjęcie"));
        await Assertions.Expect(apply.GetByLabel("Autor")).ToHaveValueAsync("Jan Kowalski");
        await browser.AssertAccessibleWithoutScriptsAsync(page);

        foreach (var index in new[] { 1, 2, 4 })
        {
            await page.Locator($"#f-Photos-ContentItems-{index}-select").CheckAsync();
        }
        // Both boxes empty: nothing to apply, said beside the button.
        await apply.GetByLabel("Autor").FillAsync("");
        await apply.GetByLabel("Licencja").FillAsync("");
        await button.ClickAsync();
        await Assertions.Expect(page.Locator("#f-Photos-apply-error")).ToContainTextAsync("Wypełnij co najmniej jedno pole.");
        await Assertions.Expect(page.Locator("#f-Photos-ContentItems-4-select")).ToBeCheckedAsync();

        // The licence box left empty: only the credit is applied, each photo keeps its licence (the second's as typed).
        var secondLicence = page.Locator("#f-Photos-ContentItems-1").GetByLabel("Licencja", new() { Exact = true });
        await secondLicence.FillAsync("Własna");
        await apply.GetByLabel("Autor").FillAsync("Jan Kowalski");
        await button.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Autor: zastosowano do 3 zdjęć.");
        await Assertions.Expect(secondLicence).ToHaveValueAsync("Własna");
        await Assertions.Expect(page.Locator("#f-Photos-ContentItems-1").GetByLabel("Autor", new() { Exact = true })).ToHaveValueAsync("Jan Kowalski");
        await Assertions.Expect(page.Locator("#f-Photos-ContentItems-4-select")).ToBeCheckedAsync();
        await browser.AssertAccessibleWithoutScriptsAsync(page);
        // With both: the Polish plural for 2 to 4.
        await apply.GetByLabel("Licencja").FillAsync("CC BY 4.0");
        await button.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Autor i licencja: zastosowano do 3 zdjęć.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opublikuj", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Zapisano i opublikowano.");
        var after = await BagThroughTheApiAsync(app, id, "Photos");
        Assert.Equal([1, 2, 4], Enumerable.Range(0, after.Count).Where(i => TextIn(after[i], "Credit") == "Jan Kowalski"));
        Assert.Equal(TextIn(before[0], "Credit"), TextIn(after[0], "Credit"));
        Assert.Equal([1, 2, 4], Enumerable.Range(0, after.Count).Where(i => TextIn(after[i], "Licence") == "CC BY 4.0"));
    }
}
